namespace Portal.Core.Audits;

public sealed record ReportQuestion(Guid Key, string Section, string Text, int Order);

public sealed record ReportAnswer(Guid QuestionKey, AnswerValue? Value);

/// <summary>One completed audit as the report sees it (no person-identifying data beyond team and auditor).</summary>
public sealed record ReportAudit(
    Guid AuditId,
    string Team,
    string Service,
    AuditGrade Grade,
    IReadOnlyList<ReportAnswer> Answers,
    IReadOnlyList<string> Themes,
    Guid AuditorId,
    string AuditorName,
    AuditGrade? ModeratedGrade,
    bool? CriteriaAppliedConsistently,
    bool? FeedbackConstructive);

public sealed record GradeCount(AuditGrade Grade, int Count, double Percent);

public sealed record GroupSummary(string Name, int Completed, IReadOnlyList<GradeCount> Grades, double PercentGoodOrBetter);

/// <param name="YesRate">Yes ÷ (Yes + No); Not applicable and unanswered are left out. Null when nobody answered Yes or No.</param>
public sealed record QuestionRate(Guid Key, string Section, string Text, int Yes, int No, int NotApplicable, double? YesRate);

public sealed record ThemeCount(string Theme, int Audits, double PercentOfAudits);

public sealed record AuditorAgreement(Guid AuditorId, string AuditorName, AgreementResult Agreement);

/// <summary>The per-cycle figures used for comparisons and run charts (the quality-improvement module reads these).</summary>
public sealed record CycleMeasures(Guid CycleId, string CycleName, DateOnly PeriodEnd, int Completed, double? PercentGoodOrBetter,
    double? PercentRequiresImprovement, double? ExactAgreement, double? LinearKappa);

public sealed record CycleSummary(
    int Allocated,
    int Completed,
    IReadOnlyList<GradeCount> Grades,
    double? PercentGoodOrBetter,
    IReadOnlyList<GroupSummary> ByTeam,
    IReadOnlyList<GroupSummary> ByService,
    IReadOnlyList<QuestionRate> Questions,
    IReadOnlyList<ThemeCount> Themes,
    int Moderated,
    AgreementResult Agreement,
    IReadOnlyList<AuditorAgreement> AgreementByAuditor,
    double? PercentCriteriaConsistent,
    double? PercentFeedbackConstructive);

/// <summary>Computes a cycle's summary figures. Percentages are of completed audits, 0–100.</summary>
public static class CycleReport
{
    public static CycleSummary Summarise(int allocated, IReadOnlyList<ReportAudit> completed, IReadOnlyList<ReportQuestion> questions)
    {
        var moderated = completed.Where(a => a.ModeratedGrade is not null).ToList();
        return new CycleSummary(
            allocated,
            completed.Count,
            Grades(completed),
            GoodOrBetter(completed),
            Groups(completed, a => a.Team),
            Groups(completed, a => a.Service),
            Questions(completed, questions),
            Themes(completed),
            moderated.Count,
            GradeAgreement.Compute(moderated.Select(Pair)),
            moderated.GroupBy(a => (a.AuditorId, a.AuditorName)).OrderBy(g => g.Key.AuditorName, StringComparer.OrdinalIgnoreCase)
                .Select(g => new AuditorAgreement(g.Key.AuditorId, g.Key.AuditorName, GradeAgreement.Compute(g.Select(Pair)))).ToList(),
            Percent(moderated.Count(a => a.CriteriaAppliedConsistently == true), moderated.Count),
            Percent(moderated.Count(a => a.FeedbackConstructive == true), moderated.Count));
    }

    public static CycleMeasures Measures(Guid cycleId, string name, DateOnly periodEnd, CycleSummary s) =>
        new(cycleId, name, periodEnd, s.Completed, s.PercentGoodOrBetter,
            s.Completed == 0 ? null : s.Grades.First(g => g.Grade == AuditGrade.RequiresImprovement).Percent,
            s.Agreement.ExactAgreement is { } e ? e * 100 : null, s.Agreement.LinearKappa);

    public static double? Percent(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;

    private static GradePair Pair(ReportAudit a) => new(a.Grade, a.ModeratedGrade!.Value);

    private static IReadOnlyList<GradeCount> Grades(IReadOnlyList<ReportAudit> audits) =>
        AuditGrades.All.Select(g =>
        {
            var n = audits.Count(a => a.Grade == g);
            return new GradeCount(g, n, Percent(n, audits.Count) ?? 0);
        }).ToList();

    private static double? GoodOrBetter(IReadOnlyList<ReportAudit> audits) => Percent(audits.Count(a => a.Grade.IsGoodOrBetter()), audits.Count);

    private static IReadOnlyList<GroupSummary> Groups(IReadOnlyList<ReportAudit> audits, Func<ReportAudit, string> key) =>
        audits.GroupBy(key).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new GroupSummary(g.Key, g.Count(), Grades(g.ToList()), GoodOrBetter(g.ToList()) ?? 0))
            .ToList();

    private static IReadOnlyList<QuestionRate> Questions(IReadOnlyList<ReportAudit> audits, IReadOnlyList<ReportQuestion> questions)
    {
        var answers = audits.SelectMany(a => a.Answers).ToLookup(a => a.QuestionKey);
        return questions.OrderBy(q => q.Order).Select(q =>
        {
            var these = answers[q.Key].ToList();
            int yes = these.Count(a => a.Value == AnswerValue.Yes), no = these.Count(a => a.Value == AnswerValue.No);
            return new QuestionRate(q.Key, q.Section, q.Text, yes, no, these.Count(a => a.Value == AnswerValue.NotApplicable),
                yes + no == 0 ? null : 100.0 * yes / (yes + no));
        }).ToList();
    }

    private static IReadOnlyList<ThemeCount> Themes(IReadOnlyList<ReportAudit> audits) =>
        audits.SelectMany(a => a.Themes.Distinct().Select(t => (Theme: t, a.AuditId)))
            .GroupBy(x => x.Theme)
            .Select(g => new ThemeCount(g.Key, g.Count(), Percent(g.Count(), audits.Count) ?? 0))
            .OrderByDescending(t => t.Audits).ThenBy(t => t.Theme, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
