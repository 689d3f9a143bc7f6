using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Data;
using Portal.App.Features.Audits;
using Portal.Core.Audits;
using Portal.Core.Organisations;
using Portal.Tests.Support;
using Xunit;

namespace Portal.Tests.Data.Audits;

/// <summary>Steps shared by the audit Data tests, each going through the app's own services as the right person.</summary>
internal static class AuditTestData
{
    public const string AmhpTeam = "AMHP Service (day)";
    public const string LocalityTeam = "Dunstable Locality Team";

    public static readonly IReadOnlyList<string> Headers = CasePoolService.Columns;

    public static CasePoolService.ImportRow Row(int n, string recordId, string person, string practitioner, string? email, string team, string workType = "Care Act assessment", string date = "10/10/2026") =>
        new(n, new Dictionary<string, string?>
        {
            ["Record id"] = recordId,
            ["Person (initials or pseudonymous id)"] = person,
            ["Practitioner"] = practitioner,
            ["Practitioner email"] = email,
            ["Team"] = team,
            ["Service"] = null,
            ["Type of work"] = workType,
            ["Date of work"] = date,
        });

    /// <summary>12 cases: 6 of Priya's in the AMHP team (one of them twice over is not allowed), 6 from the locality team (one is Alex's own).</summary>
    public static List<CasePoolService.ImportRow> TwelveCases()
    {
        var rows = new List<CasePoolService.ImportRow>();
        for (var i = 1; i <= 6; i++)
            rows.Add(Row(i + 1, $"RIO{1000 + i}", $"P{i}", "Priya Patel", DemoData.EmailFor(PortalRole.Practitioner), AmhpTeam));
        for (var i = 1; i <= 6; i++)
            rows.Add(i == 1
                ? Row(i + 7, $"MOS{2000 + i}", $"L{i}", "Alex Morgan", DemoData.EmailFor(PortalRole.Auditor), LocalityTeam)
                : Row(i + 7, $"MOS{2000 + i}", $"L{i}", $"Locality Worker {i}", $"worker{i}@example.org", LocalityTeam));
        return rows;
    }

    public static async Task<Guid> UserIdAsync(TestApp app, PortalRole role)
    {
        await using var db = await app.CreateDbContextAsync();
        var email = DemoData.EmailFor(role);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static async Task<T> As<T>(TestApp app, PortalRole role, Func<IServiceProvider, Task<T>> action)
    {
        await app.SignInAs(role);
        return await app.Run(action);
    }

    public static async Task<T> As<T>(TestApp app, Guid userId, Func<IServiceProvider, Task<T>> action)
    {
        await app.SignInAs(userId);
        return await app.Run(action);
    }

    /// <summary>A Quality Lead sets up a cycle of 4 Care Act assessments, imports the 12 cases, adds two auditors and draws with a fixed seed.</summary>
    public static async Task<Guid> DrawnCycleAsync(TestApp app, long seed = 20261101, bool excludeOwnTeam = false)
    {
        var cycleId = await As(app, PortalRole.QualityLead, async sp =>
        {
            await sp.GetRequiredService<AuditTemplatesService>().AddDefaultsAsync();
            var cycles = sp.GetRequiredService<AuditCyclesService>();
            var careAct = (await cycles.PublishedTemplateOptionsAsync()).Single(t => t.Name.StartsWith(DefaultAuditTemplates.CareActAssessment + " (")).Id;
            var (result, id) = await cycles.CreateAsync(new("Test cycle November 2026", AuditCycleKind.PracticeAuditCycle, new(2026, 11, 1), new(2026, 12, 12), 4, null), [careAct]);
            Assert.True(result.Succeeded, result.Error);
            var (imported, count) = await sp.GetRequiredService<CasePoolService>().ImportAsync(id!.Value, Headers, TwelveCases());
            Assert.True(imported.Succeeded, imported.Error);
            Assert.Equal(12, count);
            var detail = (await cycles.GetAsync(id.Value))!;
            Assert.True((await cycles.UpdateAsync(id.Value, detail.Version, new(detail.Name, detail.Kind, detail.PeriodStart, detail.PeriodEnd, 4, null), 12, true, excludeOwnTeam)).Succeeded);
            detail = (await cycles.GetAsync(id.Value))!;
            Assert.True((await cycles.AddAuditorAsync(id.Value, detail.Version, await UserIdAsync(app, PortalRole.Auditor), PracticeLevel.SeniorPractitioner)).Succeeded);
            detail = (await cycles.GetAsync(id.Value))!;
            Assert.True((await cycles.AddAuditorAsync(id.Value, detail.Version, await UserIdAsync(app, PortalRole.QualityLead), PracticeLevel.PracticeLead)).Succeeded);
            detail = (await cycles.GetAsync(id.Value))!;
            var (drawn, summary) = await sp.GetRequiredService<CasePoolService>().DrawAsync(id.Value, detail.Version, seed);
            Assert.True(drawn.Succeeded, drawn.Error);
            Assert.Equal(4, summary!.Selected);
            return id.Value;
        });
        return cycleId;
    }

    public static async Task<Guid> AllocatedCycleAsync(TestApp app)
    {
        var cycleId = await DrawnCycleAsync(app);
        await As(app, PortalRole.BusinessSupport, async sp =>
        {
            var detail = (await sp.GetRequiredService<AuditCyclesService>().GetAsync(cycleId))!;
            var (result, outcome) = await sp.GetRequiredService<AuditAllocationService>().AllocateAsync(cycleId, detail.Version);
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(4, outcome!.Allocated);
            return 0;
        });
        return cycleId;
    }

    public static async Task<List<CaseAudit>> AuditsAsync(TestApp app, Guid cycleId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.CaseAudits.AsNoTracking().Where(a => a.CycleId == cycleId).OrderBy(a => a.ExternalRecordId).ToListAsync();
    }

    public static AuditDraft FullDraft(AuditTemplatesService.TemplateView template, AuditGrade grade) => new(
        template.Sections.SelectMany(s => s.Questions).Where(q => !q.IsRetired).Select(q => new AnswerInput(q.Id, AnswerValue.Yes, null)).ToList(),
        grade, "Rationale for the grade.", "The person's voice is clear throughout.", grade == AuditGrade.Outstanding ? null : "Analyse the risks, not only list them.",
        [new LearningPointInput("Record the carer's views in their own words.", [])]);

    /// <summary>The allocated auditor completes the audit with the given grade.</summary>
    public static async Task CompleteAsync(TestApp app, CaseAudit audit, AuditGrade grade)
    {
        await As(app, audit.AuditorId, async sp =>
        {
            var forms = sp.GetRequiredService<AuditFormService>();
            var form = (await forms.GetAsync(audit.Id))!;
            var outcome = await forms.CompleteAsync(audit.Id, form.Version, FullDraft(form.Template, grade));
            Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
            return 0;
        });
    }
}
