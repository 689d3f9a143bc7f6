using System.Globalization;
using Portal.Core.Audits;
using Portal.Core.Excel;

namespace Portal.App.Features.Audits;

/// <summary>
/// The cycle report and highlights report as Excel workbooks, with the same sheets and columns every
/// cycle so they can be compared and pasted into returns. Percentages are real percentages.
/// </summary>
public static class AuditWorkbooks
{
    private sealed record Line(string Measure, string? Text, double? Number, double? Fraction);

    private sealed record GroupLine(string Name, int Completed, int RequiresImprovement, int Adequate, int Good, int Outstanding, double? GoodOrBetter);

    private sealed record AgreementLine(string Who, int Moderated, double? Exact, double? Linear, double? Quadratic, string Interpretation);

    private static double? Fraction(double? percent) => percent / 100;

    public static async Task WriteCycleReportAsync(Stream output, AuditReportsService.CycleReportView report, CancellationToken cancellationToken = default)
    {
        var s = report.Summary;
        await using var book = new ExcelWorkbookWriter(output);

        var lines = new List<Line>
        {
            new("Cycle", report.CycleName, null, null),
            new("Period", $"{report.PeriodStart:dd/MM/yyyy} to {report.PeriodEnd:dd/MM/yyyy}", null, null),
            new("Lead council", report.LeadCouncil, null, null),
            new("Random seed of the sample", report.SampleSeed?.ToString(CultureInfo.InvariantCulture), null, null),
            new("Audits allocated", null, s.Allocated, null),
            new("Audits completed", null, s.Completed, null),
            new("Good or better", null, null, Fraction(s.PercentGoodOrBetter)),
        };
        lines.AddRange(s.Grades.Select(g => new Line(g.Grade.Describe(), null, g.Count, Fraction(g.Percent))));
        lines.Add(new("Audits moderated", null, s.Moderated, null));
        lines.Add(new("Moderation: exact agreement", null, null, s.Agreement.ExactAgreement));
        lines.Add(new("Moderation: weighted kappa (linear)", GradeAgreement.Interpret(s.Agreement.LinearKappa), s.Agreement.LinearKappa, null));
        lines.Add(new("Moderation: weighted kappa (quadratic)", GradeAgreement.Interpret(s.Agreement.QuadraticKappa), s.Agreement.QuadraticKappa, null));
        lines.Add(new("Moderation: grading criteria applied consistently", null, null, Fraction(s.PercentCriteriaConsistent)));
        lines.Add(new("Moderation: feedback constructive", null, null, Fraction(s.PercentFeedbackConstructive)));
        await book.AddSheetAsync(new ExcelSheet<Line>("Summary")
            .Text("Measure", l => l.Measure, 48).Text("Value", l => l.Text, 40).Number("Number", l => l.Number, 3).Percentage("Percentage", l => l.Fraction, 1),
            lines, cancellationToken);

        await book.AddSheetAsync(GroupSheet("By team", "Team"), Groups(s.ByTeam), cancellationToken);
        await book.AddSheetAsync(GroupSheet("By service", "Service"), Groups(s.ByService), cancellationToken);
        await book.AddSheetAsync(new ExcelSheet<QuestionRate>("Questions")
            .Text("Section", q => q.Section, 30).Text("Question", q => q.Text, 70).WholeNumber("Yes", q => q.Yes).WholeNumber("No", q => q.No)
            .WholeNumber("Not applicable", q => q.NotApplicable).Percentage("Yes rate", q => Fraction(q.YesRate), 1), s.Questions, cancellationToken);
        await book.AddSheetAsync(new ExcelSheet<ThemeCount>("Themes")
            .Text("Theme", t => t.Theme, 45).WholeNumber("Audits", t => t.Audits).Percentage("Share of completed audits", t => Fraction(t.PercentOfAudits), 1),
            s.Themes, cancellationToken);
        var agreement = new List<AgreementLine> { Agreement("All auditors", s.Agreement) };
        agreement.AddRange(s.AgreementByAuditor.Select(a => Agreement(a.AuditorName, a.Agreement)));
        await book.AddSheetAsync(new ExcelSheet<AgreementLine>("Moderation")
            .Text("Auditor", a => a.Who, 30).WholeNumber("Moderated", a => a.Moderated).Percentage("Exact agreement", a => a.Exact, 1)
            .Number("Weighted kappa (linear)", a => a.Linear, 3).Number("Weighted kappa (quadratic)", a => a.Quadratic, 3).Text("Agreement (linear)", a => a.Interpretation, 28),
            agreement, cancellationToken);
        await book.AddSheetAsync(new ExcelSheet<CycleMeasures>("Previous cycles")
            .Text("Cycle", m => m.CycleName, 40).Date("Period end", m => m.PeriodEnd).WholeNumber("Completed", m => m.Completed)
            .Percentage("Good or better", m => Fraction(m.PercentGoodOrBetter), 1).Percentage("Requires improvement", m => Fraction(m.PercentRequiresImprovement), 1)
            .Percentage("Exact agreement", m => Fraction(m.ExactAgreement), 1).Number("Weighted kappa (linear)", m => m.LinearKappa, 3),
            report.PreviousCycles.Append(CycleReport.Measures(report.CycleId, report.CycleName, report.PeriodEnd, s)), cancellationToken);
        await book.CompleteAsync(cancellationToken);
    }

    public static async Task WriteHighlightsAsync(Stream output, AuditReportsService.HighlightsView h, CancellationToken cancellationToken = default)
    {
        await using var book = new ExcelWorkbookWriter(output);
        IEnumerable<ExcelRow<Line>> Rows()
        {
            yield return ExcelRow<Line>.Section($"{h.CycleName}: {h.PeriodStart:dd/MM/yyyy} to {h.PeriodEnd:dd/MM/yyyy}");
            yield return new Line("Audits completed", null, h.Completed, null);
            yield return new Line("Good or better", null, null, Fraction(h.PercentGoodOrBetter));
            foreach (var g in h.Grades)
                yield return new Line(g.Grade.Describe(), null, g.Count, Fraction(g.Percent));
            yield return new Line("Moderation: exact agreement", null, null, h.Moderation.ExactAgreement);
            yield return ExcelRow<Line>.Section("Themes in learning points");
            foreach (var t in h.Themes)
                yield return new Line(t.Theme, null, t.Audits, Fraction(t.PercentOfAudits));
            yield return ExcelRow<Line>.Section("Examples of good practice (names removed)");
            foreach (var text in h.GoodPractice)
                yield return new Line("Good practice", text, null, null);
            yield return ExcelRow<Line>.Section("Learning (names removed)");
            foreach (var text in h.Learning)
                yield return new Line("Learning point", text, null, null);
        }
        await book.AddSheetAsync(new ExcelSheet<Line>("Highlights")
            .Text("Item", l => l.Measure, 36).Text("Detail", l => l.Text, 80).Number("Number", l => l.Number, 0).Percentage("Percentage", l => l.Fraction, 1),
            Rows(), cancellationToken);
        await book.CompleteAsync(cancellationToken);
    }

    /// <summary>An empty case list with the expected columns, for Business Support to fill in.</summary>
    public static async Task WriteCaseListTemplateAsync(Stream output, CancellationToken cancellationToken = default)
    {
        await using var book = new ExcelWorkbookWriter(output);
        var sheet = new ExcelSheet<string[]>("Case list");
        for (var i = 0; i < CasePoolService.Columns.Count; i++)
        {
            var index = i;
            sheet.Text(CasePoolService.Columns[i], r => r[index], 24);
        }
        await book.AddSheetAsync(sheet, new[] { new[] { "MOS123456", "J.S.", "Priya Patel", "priya.patel@example.org", "Dunstable Locality Team", "Locality team", "Care Act assessment", "01/04/2026" } }, cancellationToken);
        await book.CompleteAsync(cancellationToken);
    }

    private static ExcelSheet<GroupLine> GroupSheet(string name, string header) => new ExcelSheet<GroupLine>(name)
        .Text(header, g => g.Name, 34).WholeNumber("Completed", g => g.Completed).WholeNumber("Requires improvement", g => g.RequiresImprovement)
        .WholeNumber("Adequate", g => g.Adequate).WholeNumber("Good", g => g.Good).WholeNumber("Outstanding", g => g.Outstanding)
        .Percentage("Good or better", g => g.GoodOrBetter, 1);

    private static IEnumerable<GroupLine> Groups(IEnumerable<GroupSummary> groups) => groups.Select(g => new GroupLine(g.Name, g.Completed,
        Count(g, AuditGrade.RequiresImprovement), Count(g, AuditGrade.Adequate), Count(g, AuditGrade.Good), Count(g, AuditGrade.Outstanding), g.PercentGoodOrBetter / 100));

    private static int Count(GroupSummary g, AuditGrade grade) => g.Grades.First(x => x.Grade == grade).Count;

    private static AgreementLine Agreement(string who, AgreementResult a) =>
        new(who, a.Count, a.ExactAgreement, a.LinearKappa, a.QuadraticKappa, GradeAgreement.Interpret(a.LinearKappa));
}
