using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Data;
using Portal.App.Features.Providers;
using Portal.Core.Organisations;
using Portal.Core.Providers;
using Portal.Tests.Support;
using Xunit;

namespace Portal.Tests.Data.Providers;

public class ProviderDataTests
{
    internal static ProviderRegister.ProviderInput Input(string name = "Meadow View Care Home", string postcode = "SG1 2FQ") =>
        new(name, ProviderKind.CareHomeWithNursing, "1 Six Hills Way", null, "Stevenage", postcode, "Meadow View Care Home Ltd",
            "Central Bedfordshire Council; BLMK ICB", "1-123456789", "Ann Lee", "Hills Surgery", null);

    internal static async Task<Guid> CreateProviderAsync(TestApp app, string name = "Test Provider Home")
    {
        await app.SignInAs(PortalRole.QualityLead);
        await using var scope = app.CreateScope();
        var (result, id) = await scope.ServiceProvider.GetRequiredService<ProviderRegister>().CreateAsync(Input(name, "LU1 1AA"));
        Assert.True(result.Succeeded, result.Error);
        return id!.Value;
    }

    /// <summary>A user in another organisation (Bedford Borough) with the given role.</summary>
    internal static async Task<Guid> OtherOrganisationUserAsync(TestApp app, PortalRole role)
    {
        await using var db = await app.CreateDbContextAsync();
        var org = await db.Organisations.SingleAsync(o => o.Name == "Bedford Borough Council");
        var user = new PortalUser("Other Org Person", $"other-{role}@example.org", org, "Quality officer");
        user.GrantRole(role);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    [Fact]
    public async Task The_register_is_paged_filtered_and_scoped_to_the_users_organisation()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.QualityLead);
        await using var scope = app.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<ProviderRegister>();
        for (var i = 1; i <= 5; i++)
            Assert.True((await register.CreateAsync(Input($"Zeta Home {i}", $"LU{i} 1AA"))).Result.Succeeded);
        Assert.True((await register.CreateAsync(Input("Zeta Agency", "LU9 9ZZ") with { Kind = ProviderKind.HomeCareAgency })).Result.Succeeded);

        var (page1, total) = await register.SearchAsync(new("zeta", null, null, false, false, 0, 4));
        Assert.Equal(6, total);
        Assert.Equal(4, page1.Count);
        var (page2, _) = await register.SearchAsync(new("zeta", null, null, false, false, 4, 4));
        Assert.Equal(2, page2.Count);
        Assert.Empty(page1.Select(r => r.Id).Intersect(page2.Select(r => r.Id)));
        var (agencies, agencyTotal) = await register.SearchAsync(new("zeta", ProviderKind.HomeCareAgency, null, false, false, 0, 10));
        Assert.Equal(1, agencyTotal);
        Assert.Equal("Zeta Agency", agencies.Single().Name);

        await app.SignInAs(await OtherOrganisationUserAsync(app, PortalRole.QualityLead));
        await using var otherScope = app.CreateScope();
        var (theirs, theirTotal) = await otherScope.ServiceProvider.GetRequiredService<ProviderRegister>().SearchAsync(new("zeta", null, null, false, false, 0, 10));
        Assert.Equal(0, theirTotal);
        Assert.Empty(theirs);
        Assert.Null(await otherScope.ServiceProvider.GetRequiredService<ProviderRegister>().GetAsync(page1[0].Id));
    }

    [Fact]
    public async Task A_duplicate_provider_or_a_bad_postcode_comes_back_as_a_form_error()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.BusinessSupport);
        await using var scope = app.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<ProviderRegister>();
        Assert.True((await register.CreateAsync(Input())).Result.Succeeded);
        var (duplicate, _) = await register.CreateAsync(Input());
        Assert.Contains("already in the register", duplicate.Error);
        var (bad, _) = await register.CreateAsync(Input("Other", "nope"));
        Assert.Contains("UK postcode", bad.Error);
    }

    [Fact]
    public async Task A_visiting_professional_cannot_see_the_register_or_change_it_but_can_choose_a_home()
    {
        await using var app = await TestApp.StartAsync();
        var providerId = await CreateProviderAsync(app, "Chooseable Home");
        await app.SignInAs(PortalRole.VisitingProfessional);
        await using var scope = app.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<ProviderRegister>();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => register.SearchAsync(new(null, null, null, false, false, 0, 10)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => register.CreateAsync(Input()));
        var choices = await register.ChooseAsync("chooseable");
        Assert.Equal(providerId, choices.Single().Id);
    }

    [Fact]
    public async Task A_stale_edit_of_a_provider_is_refused_and_not_saved()
    {
        await using var app = await TestApp.StartAsync();
        var id = await CreateProviderAsync(app);
        await using var scope = app.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<ProviderRegister>();
        var loaded = (await register.GetAsync(id))!;
        Assert.True((await register.UpdateAsync(id, loaded.Version, loaded.Details with { RegisteredManager = "First Edit" })).Succeeded);
        var stale = await register.UpdateAsync(id, loaded.Version, loaded.Details with { RegisteredManager = "Second Edit" });
        Assert.False(stale.Succeeded);
        Assert.Equal("First Edit", (await register.GetAsync(id))!.Details.RegisteredManager);
    }

    [Fact]
    public async Task Migrated_provider_tables_match_the_model()
    {
        await using var app = await TestApp.StartAsync(seedDemoData: false);
        await using var db = await app.CreateDbContextAsync();
        var model = PortalDatabase.CreateScriptForModel();
        var tables = new[] { "Providers", "ObservationSheets", "ObservationAnswers", "IntelligenceEntries", "PammsRatings", "QualityProcesses",
            "ProcessMeetings", "MeetingAttendees", "MeetingReports", "MeetingChecklistAnswers", "RiskAssessmentRows", "ThresholdEvidence",
            "ProcessDecisions", "ProcessDocuments", "ClosureDays" };
        foreach (var table in tables)
        {
            var columns = await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_table_info({table}) ORDER BY cid").ToListAsync();
            Assert.NotEmpty(columns);
            var start = model.IndexOf($"CREATE TABLE \"{table}\" (", StringComparison.Ordinal);
            Assert.True(start >= 0, table);
            var body = model[start..model.IndexOf(");", start, StringComparison.Ordinal)];
            var modelColumns = body.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.StartsWith('"')).Select(l => l.Split('"')[1]).ToList();
            Assert.Equal(modelColumns, columns);
        }
    }
}
