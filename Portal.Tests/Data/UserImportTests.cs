using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.App.Features.Admin;
using Portal.Core.Import;
using Portal.Core.Organisations;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

public class UserImportTests
{
    private const string Csv = """
        Name,Email,Job title,Organisation,Role,Teams
        Jo Bloggs,jo.bloggs@example.org,AMHP,Central Bedfordshire Council,Practitioner,AMHP Service (day)
        Kim Lee,kim.lee@example.org,,Luton Borough Council,Team Manager,
        Copy Cat,JO.BLOGGS@example.org,,Central Bedfordshire Council,Auditor,
        Priya Again,practitioner@demo.portal.local,,Central Bedfordshire Council,Practitioner,
        No Team,no.team@example.org,,Bedford Borough Council,Auditor,Imaginary Team
        Bad Email,not-an-email,,Bedford Borough Council,Auditor,
        """;

    private static async Task<ImportPreview<UserImport.Line>> PreviewAsync(UserImport import)
    {
        var bytes = Encoding.UTF8.GetBytes(Csv);
        var preview = await SpreadsheetImporter.ReadAsync(new ImportFile("starters.csv", bytes.Length, new MemoryStream(bytes)), await import.SchemaAsync(), UserImport.Map);
        await import.CheckAsync(preview);
        return preview;
    }

    [Fact]
    public async Task The_preview_explains_every_problem_row_and_saves_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.Administrator);
        await using var scope = app.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<UserImport>();
        await using var db = await app.CreateDbContextAsync();
        var before = await db.Users.CountAsync();

        var preview = await PreviewAsync(import);

        Assert.Equal(6, preview.Rows.Count);
        Assert.Equal([3], preview.Rows.Where(r => r.IsValid).Select(r => r.RowNumber));
        var errors = string.Join("\n", preview.AllErrors);
        Assert.Contains("Email", errors); // duplicate within the file, rows 2 and 4
        Assert.Contains("practitioner@demo.portal.local already has a portal account", errors);
        Assert.Contains("Bedford Borough Council has no active team called 'Imaginary Team'", errors);
        Assert.Contains("Row 7: Email must be a valid email address", errors);
        Assert.DoesNotContain("Row 7: Row 7", errors);
        Assert.Equal(before, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Confirming_saves_the_valid_rows_with_their_role_and_team()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.Administrator);
        await using var scope = app.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<UserImport>();
        var preview = await PreviewAsync(import);

        var result = await import.SaveAsync(preview.ValidItems);

        Assert.True(result.Succeeded, result.Error);
        await using var db = await app.CreateDbContextAsync();
        var kim = await db.Users.SingleAsync(u => u.Email == "kim.lee@example.org");
        Assert.Equal(PortalRole.TeamManager, Assert.Single(kim.Roles).Role);
        Assert.False(await db.Users.AnyAsync(u => u.Email == "no.team@example.org"));
    }

    [Fact]
    public async Task A_team_manager_cannot_import_users()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.TeamManager);
        await using var scope = app.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<UserImport>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => import.SaveAsync([new UserImport.Line(2, "X", "x@example.org", null, "Luton Borough Council", PortalRole.Administrator, [])]));
    }
}
