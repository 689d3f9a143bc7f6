using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Audits;

namespace Portal.App.Features.Audits;

/// <summary>
/// The cycle summary report, the highlights report (names removed, for wide circulation) and the per-cycle
/// measures that the quality-improvement run charts read. Whole-organisation figures, for report readers.
/// </summary>
public sealed class AuditReportsService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public const int PreviousCyclesShown = 5;

    public sealed record CycleReportView(Guid CycleId, string CycleName, AuditCycleKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, string? LeadCouncil,
        long? SampleSeed, CycleSummary Summary, IReadOnlyList<CycleMeasures> PreviousCycles);

    public sealed record HighlightsView(string CycleName, DateOnly PeriodStart, DateOnly PeriodEnd, int Completed, IReadOnlyList<GradeCount> Grades,
        double? PercentGoodOrBetter, IReadOnlyList<ThemeCount> Themes, IReadOnlyList<string> GoodPractice, IReadOnlyList<string> Learning,
        AgreementResult Moderation);

    public sealed record ReportableCycle(Guid Id, string Name, AuditCycleKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, CycleStatus Status);

    /// <summary>Cycles whose sample has been drawn, newest first, for the reports index.</summary>
    public async Task<IReadOnlyList<ReportableCycle>> CyclesAsync(int take = 100)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewAuditReports);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuditCycles.AsNoTracking().Where(c => c.OrganisationId == me.OrganisationId && c.Status != CycleStatus.Planned)
            .OrderByDescending(c => c.PeriodStart).Take(take)
            .Select(c => new ReportableCycle(c.Id, c.Name, c.Kind, c.PeriodStart, c.PeriodEnd, c.Status)).ToListAsync();
    }

    public async Task<CycleReportView?> CycleAsync(Guid cycleId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewAuditReports);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycle = await db.AuditCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == me.OrganisationId);
        if (cycle is null)
            return null;
        var previous = await db.AuditCycles.AsNoTracking()
            .Where(c => c.OrganisationId == cycle.OrganisationId && c.Kind == cycle.Kind && c.PeriodStart < cycle.PeriodStart)
            .OrderByDescending(c => c.PeriodStart).Take(PreviousCyclesShown).ToListAsync();
        var summaries = await SummariesAsync(db, [cycle, .. previous]);
        return new CycleReportView(cycle.Id, cycle.Name, cycle.Kind, cycle.PeriodStart, cycle.PeriodEnd, cycle.LeadCouncil, cycle.SampleSeed, summaries[cycle.Id],
            previous.OrderBy(p => p.PeriodStart).Select(p => CycleReport.Measures(p.Id, p.Name, p.PeriodEnd, summaries[p.Id])).ToList());
    }

    /// <summary>Per-cycle measures for run charts, oldest first (optionally one kind of cycle).</summary>
    public async Task<IReadOnlyList<CycleMeasures>> MeasuresAsync(AuditCycleKind? kind = null)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewAuditReports);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycles = await db.AuditCycles.AsNoTracking()
            .Where(c => c.OrganisationId == me.OrganisationId && c.Status != CycleStatus.Planned && (kind == null || c.Kind == kind))
            .OrderBy(c => c.PeriodStart).ToListAsync();
        var summaries = await SummariesAsync(db, cycles);
        return cycles.Select(c => CycleReport.Measures(c.Id, c.Name, c.PeriodEnd, summaries[c.Id])).ToList();
    }

    /// <summary>The highlights report: figures, themes, and examples of good practice and learning with every name removed.</summary>
    public async Task<HighlightsView?> HighlightsAsync(Guid cycleId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewAuditReports);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycle = await db.AuditCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == me.OrganisationId);
        if (cycle is null)
            return null;
        var summary = (await SummariesAsync(db, [cycle]))[cycle.Id];
        var audits = await db.CaseAudits.AsNoTracking().Where(a => a.CycleId == cycleId && a.Status == AuditStatus.Completed).ToListAsync();
        var names = await db.Users.AsNoTracking().Where(u => u.OrganisationId == me.OrganisationId).Select(u => u.DisplayName).ToListAsync();
        names.AddRange(audits.SelectMany(a => new[] { a.PractitionerName, a.AuditorName, a.PersonRef }));
        names.AddRange(await db.AuditCases.AsNoTracking().Where(c => c.CycleId == cycleId).Select(c => c.PractitionerName).Distinct().ToListAsync());
        var good = audits.Where(a => a.Grade >= AuditGrade.Good && a.Strengths is not null).OrderByDescending(a => a.Grade).ThenBy(a => a.ExternalRecordId)
            .Select(a => NameRedaction.Redact(a.Strengths!, names)).Take(10).ToList();
        var learning = audits.SelectMany(a => a.LearningPoints.Select(l => l.Text)).Distinct().Select(t => NameRedaction.Redact(t, names)).Take(15).ToList();
        return new HighlightsView(cycle.Name, cycle.PeriodStart, cycle.PeriodEnd, summary.Completed, summary.Grades, summary.PercentGoodOrBetter, summary.Themes,
            good, learning, summary.Agreement);
    }

    /// <summary>Summaries of several cycles in three queries (audits, tools, themes), not one per cycle.</summary>
    private static async Task<Dictionary<Guid, CycleSummary>> SummariesAsync(PortalDbContext db, IReadOnlyList<AuditCycle> cycles)
    {
        var ids = cycles.Select(c => c.Id).ToList();
        var audits = await db.CaseAudits.AsNoTracking().Where(a => ids.Contains(a.CycleId)).ToListAsync();
        var templateIds = audits.Select(a => a.TemplateId).Distinct().ToList();
        var templates = await db.AuditTemplates.AsNoTracking().Where(t => templateIds.Contains(t.Id)).ToListAsync();
        var orgIds = cycles.Select(c => c.OrganisationId).Distinct().ToList();
        var themes = await db.AuditThemes.AsNoTracking().Where(t => orgIds.Contains(t.OrganisationId)).ToDictionaryAsync(t => t.Id, t => t.Name);
        var keyOf = templates.SelectMany(t => t.Questions).ToDictionary(q => q.Id, q => q.Key);
        var result = new Dictionary<Guid, CycleSummary>();
        foreach (var cycle in cycles)
        {
            var mine = audits.Where(a => a.CycleId == cycle.Id).ToList();
            var used = templates.Where(t => mine.Any(a => a.TemplateId == t.Id)).OrderBy(t => t.Name).ThenByDescending(t => t.TemplateVersion).ToList();
            var order = 0;
            var questions = used.SelectMany(t => t.ActiveQuestions.Select(q => new ReportQuestion(q.Key,
                    (used.Count > 1 ? t.Name + ": " : "") + t.Sections.First(s => s.Id == q.SectionId).Title, q.Text, 0)))
                .DistinctBy(q => q.Key).Select(q => q with { Order = ++order }).ToList();
            var completed = mine.Where(a => a.IsCompleted && a.Grade is not null).Select(a => new ReportAudit(a.Id, a.TeamName, a.Service, a.Grade!.Value,
                a.Answers.Where(x => keyOf.ContainsKey(x.QuestionId)).Select(x => new ReportAnswer(keyOf[x.QuestionId], x.Value)).ToList(),
                a.LearningPoints.SelectMany(l => l.ThemeIds).Where(themes.ContainsKey).Select(id => themes[id]).ToList(),
                a.AuditorId, a.AuditorName, a.ModeratedGrade, a.CriteriaAppliedConsistently, a.FeedbackConstructive)).ToList();
            result[cycle.Id] = CycleReport.Summarise(mine.Count, completed, questions);
        }
        return result;
    }
}
