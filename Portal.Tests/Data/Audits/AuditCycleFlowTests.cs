using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Features.Audits;
using Portal.Core.Audits;
using Portal.Core.Organisations;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.Audits.AuditTestData;

namespace Portal.Tests.Data.Audits;

public class AuditCycleFlowTests
{
    [Fact]
    public async Task Default_tools_are_added_once_as_published_editable_starting_points_with_themes()
    {
        await using var app = await TestApp.StartAsync();
        await As(app, PortalRole.QualityLead, async sp =>
        {
            var templates = sp.GetRequiredService<AuditTemplatesService>();
            await templates.AddDefaultsAsync();
            Assert.Equal(0, await templates.AddDefaultsAsync());
            var list = await templates.ListAsync();
            Assert.Equal(DefaultAuditTemplates.All.Count, list.Count);
            Assert.All(list, t => Assert.True(t.IsStartingPoint && t.Status == TemplateStatus.Published));
            Assert.Contains(await templates.ThemesAsync(), t => t.Name == "The person's participation and voice");
            return 0;
        });
    }

    [Fact]
    public async Task Publishing_a_new_version_supersedes_the_old_one_which_is_kept_unchanged()
    {
        await using var app = await TestApp.StartAsync();
        await As(app, PortalRole.QualityLead, async sp =>
        {
            var templates = sp.GetRequiredService<AuditTemplatesService>();
            await templates.AddDefaultsAsync();
            var v1 = (await templates.ListAsync()).Single(t => t.Name == DefaultAuditTemplates.MentalCapacityAssessment);
            var (started, draftId) = await templates.StartNewVersionAsync(v1.Id);
            Assert.True(started.Succeeded, started.Error);
            var draft = (await templates.GetAsync(draftId!.Value))!;
            var section = draft.Sections[0];
            var (added, version) = await templates.EditAsync(draft.Id, draft.Version, t => t.AddQuestion(section.Id, "Was the person's own view of the decision recorded?", null, true, true));
            Assert.True(added.Succeeded, added.Error);
            var stale = await templates.EditAsync(draft.Id, draft.Version, t => t.SetDetails("Renamed", null, null));
            Assert.Equal(Portal.App.Features.ServiceResultExtensions.ConcurrencyMessage, stale.Result.Error);
            Assert.True((await templates.PublishAsync(draft.Id, version)).Succeeded);

            var all = await templates.ListAsync(includeSuperseded: true);
            Assert.Equal(TemplateStatus.Superseded, all.Single(t => t.Id == v1.Id).Status);
            Assert.Equal(TemplateStatus.Published, all.Single(t => t.Id == draft.Id).Status);
            Assert.Equal(v1.Questions + 1, all.Single(t => t.Id == draft.Id).Questions);
            Assert.Equal(v1.Questions, all.Single(t => t.Id == v1.Id).Questions);
            return 0;
        });
    }

    [Fact]
    public async Task Templates_cannot_be_edited_by_a_practitioner()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.Practitioner);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.Run(sp => sp.GetRequiredService<AuditTemplatesService>().AddDefaultsAsync()));
    }

    [Fact]
    public async Task An_import_with_any_bad_row_writes_nothing_and_explains_each_error()
    {
        await using var app = await TestApp.StartAsync();
        await As(app, PortalRole.QualityLead, async sp =>
        {
            await sp.GetRequiredService<AuditTemplatesService>().AddDefaultsAsync();
            var cycles = sp.GetRequiredService<AuditCyclesService>();
            var (_, id) = await cycles.CreateAsync(new("Import test", AuditCycleKind.PracticeAuditCycle, new(2026, 11, 1), new(2026, 12, 12), 4, null), []);
            var pool = sp.GetRequiredService<CasePoolService>();
            var rows = TwelveCases();
            rows.Add(Row(20, "RIO1001", "P9", "Priya Patel", null, AmhpTeam));
            rows.Add(Row(21, "X1", "John Smith", "Someone", null, "No Such Team", date: "31/02/2026"));
            var preview = await pool.PreviewAsync(id!.Value, Headers, rows);
            Assert.False(preview.CanImport);
            Assert.Contains(preview.Rows.Single(r => r.RowNumber == 20).Errors, e => e.Contains("duplicate of row 2"));
            var bad = preview.Rows.Single(r => r.RowNumber == 21).Errors;
            Assert.Contains(bad, e => e.Contains("not a team in your organisation"));
            Assert.Contains(bad, e => e.Contains("not their full name"));
            Assert.Contains(bad, e => e.Contains("is not a date"));
            Assert.True(preview.Rows.Single(r => r.RowNumber == 2).PractitionerIsPortalUser);

            var (result, imported) = await pool.ImportAsync(id.Value, Headers, rows);
            Assert.False(result.Succeeded);
            Assert.Equal(0, imported);
            Assert.Equal(0, (await pool.ListAsync(id.Value, null, null, 0, 50)).Total);

            var missing = await pool.PreviewAsync(id.Value, ["Record id", "Team"], rows);
            Assert.Contains("Practitioner", missing.MissingColumns);
            return 0;
        });
    }

    [Fact]
    public async Task The_drawn_sample_is_proportional_verifiable_and_explains_every_case()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await DrawnCycleAsync(app);
        await As(app, PortalRole.QualityLead, async sp =>
        {
            var pool = sp.GetRequiredService<CasePoolService>();
            var (rows, total) = await pool.ListAsync(cycleId, null, null, 0, 50);
            Assert.Equal(12, total);
            var selected = rows.Where(r => r.Selection == CaseSelection.Selected).ToList();
            Assert.Equal(2, selected.Count(r => r.TeamName == AmhpTeam));
            Assert.Equal(2, selected.Count(r => r.TeamName == LocalityTeam));
            Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.SelectionNote)));
            var (verified, differences) = await pool.VerifyAsync(cycleId);
            Assert.True(verified, string.Join(", ", differences));

            // Tampering with the stored selection is caught by re-deriving it from the seed.
            await using (var db = await app.CreateDbContextAsync())
            {
                var notChosen = rows.First(r => r.Selection == CaseSelection.NotSelected);
                await db.Database.ExecuteSqlRawAsync("UPDATE AuditCases SET DrawnByLot = 1 WHERE Id = {0}", notChosen.Id);
            }
            var (again, diff) = await pool.VerifyAsync(cycleId);
            Assert.False(again);
            Assert.Single(diff);
            return 0;
        });
    }

    [Fact]
    public async Task A_record_audited_in_an_earlier_cycle_is_excluded_from_the_next_with_the_reason()
    {
        await using var app = await TestApp.StartAsync();
        var first = await AllocatedCycleAsync(app);
        var audited = (await AuditsAsync(app, first)).Select(a => a.ExternalRecordId).ToHashSet();
        await As(app, PortalRole.QualityLead, async sp =>
        {
            var cycles = sp.GetRequiredService<AuditCyclesService>();
            var careAct = (await cycles.PublishedTemplateOptionsAsync()).Single(t => t.Name.StartsWith(DefaultAuditTemplates.CareActAssessment + " (")).Id;
            var (_, id) = await cycles.CreateAsync(new("Next cycle", AuditCycleKind.PracticeAuditCycle, new(2026, 12, 13), new(2027, 1, 23), 4, null), [careAct]);
            var pool = sp.GetRequiredService<CasePoolService>();
            Assert.True((await pool.ImportAsync(id!.Value, Headers, TwelveCases())).Result.Succeeded);
            var detail = (await cycles.GetAsync(id.Value))!;
            var (drawn, _) = await pool.DrawAsync(id.Value, detail.Version, 99);
            Assert.True(drawn.Succeeded, drawn.Error);
            var (rows, _) = await pool.ListAsync(id.Value, null, null, 0, 50);
            foreach (var row in rows.Where(r => audited.Contains(r.ExternalRecordId)))
            {
                Assert.Equal(CaseSelection.Excluded, row.Selection);
                Assert.Contains("within the last 12 months", row.SelectionNote);
            }
            // Priya was sampled last time and all AMHP cases are hers, so her cases are still drawn, saying why.
            Assert.Contains(rows, r => r.Selection == CaseSelection.Selected && r.SelectionNote!.Contains("previous cycle"));
            return 0;
        });
    }

    [Fact]
    public async Task Cases_are_added_or_replaced_by_hand_only_with_a_reason()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await DrawnCycleAsync(app);
        await As(app, PortalRole.BusinessSupport, async sp =>
        {
            var pool = sp.GetRequiredService<CasePoolService>();
            var (rows, _) = await pool.ListAsync(cycleId, null, null, 0, 50);
            var outgoing = rows.First(r => r.Selection == CaseSelection.Selected);
            var incoming = rows.First(r => r.Selection == CaseSelection.NotSelected);
            Assert.False((await pool.ReplaceAsync(outgoing.Id, incoming.Id, " ")).Succeeded);
            Assert.True((await pool.ReplaceAsync(outgoing.Id, incoming.Id, "The case was closed before the period started.")).Succeeded);
            var (after, _) = await pool.ListAsync(cycleId, null, null, 0, 50);
            Assert.Equal(CaseSelection.Removed, after.Single(r => r.Id == outgoing.Id).Selection);
            var added = after.Single(r => r.Id == incoming.Id);
            Assert.Equal(CaseSelection.AddedManually, added.Selection);
            Assert.Equal("The case was closed before the period started.", added.ManualReason);
            // The draw itself still verifies: manual changes are recorded beside it, not mixed into it.
            Assert.True((await pool.VerifyAsync(cycleId)).Verified);
            return 0;
        });
    }

    [Fact]
    public async Task Allocation_never_gives_an_auditor_their_own_work_balances_load_and_notifies_auditor_and_practitioner()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var audits = await AuditsAsync(app, cycleId);
        var alex = await UserIdAsync(app, PortalRole.Auditor);
        var grace = await UserIdAsync(app, PortalRole.QualityLead);
        var priya = await UserIdAsync(app, PortalRole.Practitioner);
        Assert.Equal(4, audits.Count);
        Assert.DoesNotContain(audits, a => a.AuditorId == alex && a.PractitionerName == "Alex Morgan");
        Assert.Equal(2, audits.Count(a => a.AuditorId == alex));
        Assert.Equal(2, audits.Count(a => a.AuditorId == grace));
        Assert.All(audits, a => Assert.Equal(DefaultAuditTemplates.CareActAssessment, a.TemplateName));

        await using var db = await app.CreateDbContextAsync();
        var notes = await db.Notifications.AsNoTracking().ToListAsync();
        Assert.Contains(notes, n => n.RecipientId == alex && n.Title.Contains("allocated 2 audits"));
        Assert.Equal(audits.Count(a => a.PractitionerUserId == priya), notes.Count(n => n.RecipientId == priya && n.Title.Contains("self-reflection") && n.Title.Contains("Test cycle November 2026")));
        Assert.True(audits.Count(a => a.PractitionerUserId == priya) >= 1);
    }

    [Fact]
    public async Task A_cycle_that_excludes_own_team_sends_AMHP_cases_to_someone_outside_the_team()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await DrawnCycleAsync(app, excludeOwnTeam: true);
        await As(app, PortalRole.QualityLead, async sp =>
        {
            var detail = (await sp.GetRequiredService<AuditCyclesService>().GetAsync(cycleId))!;
            var (result, _) = await sp.GetRequiredService<AuditAllocationService>().AllocateAsync(cycleId, detail.Version);
            Assert.True(result.Succeeded, result.Error);
            return 0;
        });
        var alex = await UserIdAsync(app, PortalRole.Auditor);
        Assert.DoesNotContain(await AuditsAsync(app, cycleId), a => a.TeamName == AmhpTeam && a.AuditorId == alex);
    }

    [Fact]
    public async Task The_annual_plan_creates_each_cycle_once_with_its_published_tool()
    {
        await using var app = await TestApp.StartAsync();
        await As(app, PortalRole.QualityLead, async sp =>
        {
            await sp.GetRequiredService<AuditTemplatesService>().AddDefaultsAsync();
            var cycles = sp.GetRequiredService<AuditCyclesService>();
            var (result, created) = await cycles.CreatePlanAsync(PlanModel.BedfordshireAmhpEdt, new(2027, 4, 1), "Luton Borough Council");
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(28, created);
            Assert.Equal(0, (await cycles.CreatePlanAsync(PlanModel.BedfordshireAmhpEdt, new(2027, 4, 1), "Luton Borough Council")).Created);
            var (rows, _) = await cycles.ListAsync(0, 200);
            Assert.Equal("Luton Borough Council", rows.Single(r => r.Name.StartsWith("AMHP report audit Q1 2027/28")).LeadCouncil);
            return 0;
        });
    }

    [Fact]
    public async Task Cycle_management_is_refused_to_auditors()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.Auditor);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.Run(sp => sp.GetRequiredService<AuditCyclesService>().ListAsync()));
    }
}
