using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.App.Features.Admin;
using Portal.Core.Auditing;
using Portal.Core.Organisations;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

public class AuditTrailTests
{
    [Fact]
    public async Task An_update_records_who_when_which_record_and_each_changed_field_old_to_new()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.SignInAs(PortalRole.Administrator);
        app.Clock.Now = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);

        await using var scope = app.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationAdmin>();
        var luton = (await organisations.ListAsync()).Single(o => o.Name == "Luton Borough Council");
        var result = await organisations.UpdateAsync(luton.Id, luton.Version, "Luton Council", OrganisationKind.LocalAuthority);
        Assert.True(result.Succeeded, result.Error);

        await using var db = await app.CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityKey == luton.Id.ToString() && e.Action == AuditAction.Updated);
        Assert.Equal(admin.UserId, entry.ActorId);
        Assert.Equal("Adam Price", entry.ActorName);
        Assert.Equal(app.Clock.Now, entry.At);
        Assert.Equal("Organisation", entry.EntityType);
        var changes = JsonSerializer.Deserialize<List<JsonElement>>(entry.Changes)!;
        var name = Assert.Single(changes);
        Assert.Equal("Name", name.GetProperty("Field").GetString());
        Assert.Equal("Luton Borough Council", name.GetProperty("Old").GetString());
        Assert.Equal("Luton Council", name.GetProperty("New").GetString());
    }

    [Fact]
    public async Task Seeding_records_inserts_by_the_system_including_owned_role_rows()
    {
        await using var app = await TestApp.StartAsync();
        await using var db = await app.CreateDbContextAsync();

        var inserts = await db.AuditEntries.Where(e => e.Action == AuditAction.Inserted).ToListAsync();

        Assert.All(inserts, e => Assert.Equal("System", e.ActorName));
        Assert.Equal(await db.Users.CountAsync(), inserts.Count(e => e.EntityType == "PortalUser"));
        Assert.Contains(inserts, e => e.EntityType == "UserRoleAssignment" && e.Changes.Contains("\"Administrator\""));
    }

    [Fact]
    public async Task The_audit_trail_search_filters_by_record_type_and_actor_and_pages()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.Administrator);
        await using var scope = app.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationAdmin>();
        for (var i = 0; i < 3; i++)
            Assert.True((await organisations.CreateAsync($"Care Provider {i}", OrganisationKind.CareProvider)).Succeeded);

        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var (rows, total) = await trail.SearchAsync(new AuditTrail.AuditQuery("Organisation", null, "adam", null, null, Skip: 0, Take: 2));

        Assert.Equal(3, total);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Adam Price", r.ActorName));
        Assert.True(rows[0].Id > rows[1].Id, "newest first");
    }

    [Fact]
    public async Task Only_administrators_can_read_the_audit_trail()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.QualityLead);
        await using var scope = app.CreateScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => trail.SearchAsync(new AuditTrail.AuditQuery(null, null, null, null, null)));
    }
}
