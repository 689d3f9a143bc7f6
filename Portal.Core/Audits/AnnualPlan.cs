using System.Globalization;

namespace Portal.Core.Audits;

public enum PlanModel
{
    /// <summary>Seed 004: "Cycle of 8 audit periods per year: 120 per audit cycle … = 960".</summary>
    EssexPracticeAudits,

    /// <summary>Seed 000 §4.6 and §4.8.3: quarterly AMHP audit of 20 cases (rotating lead council), monthly referral audit of 4 cases, monthly no-MHAA audit of all non-progressed referrals.</summary>
    BedfordshireAmhpEdt,
}

/// <param name="SampleSize">Null: every case in the pool (the no-MHAA audit).</param>
public sealed record PlannedCycle(string Name, AuditCycleKind Kind, DateOnly Start, DateOnly End, int? SampleSize, string? LeadCouncil, IReadOnlyList<string> TemplateNames);

/// <summary>Lays out a year of audit cycles from a framework's annual activity plan.</summary>
public static class AnnualPlan
{
    public const int EssexCyclesPerYear = 8;
    public const int EssexAuditsPerCycle = 120;
    public const int AmhpQuarterlyCases = 20;
    public const int ReferralAuditCases = 4;

    public static IReadOnlyList<PlannedCycle> Generate(PlanModel model, DateOnly yearStart, string? firstLeadCouncil = null) => model switch
    {
        PlanModel.EssexPracticeAudits => Essex(yearStart),
        PlanModel.BedfordshireAmhpEdt => Bedfordshire(yearStart, firstLeadCouncil ?? LeadCouncilRotation.Order[0]),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    /// <summary>
    /// Eight consecutive periods covering the year with no gaps ("six-weekly": 365 days / 8 ≈ 6½ weeks). Period i
    /// starts on day ⌊i × days ÷ 8⌋ of the year, so lengths differ by at most one day.
    /// </summary>
    private static List<PlannedCycle> Essex(DateOnly yearStart)
    {
        var days = yearStart.AddYears(1).DayNumber - yearStart.DayNumber;
        var label = YearLabel(yearStart);
        var tools = new[] { DefaultAuditTemplates.CareActAssessment, DefaultAuditTemplates.CareActReview, DefaultAuditTemplates.MentalCapacityAssessment, DefaultAuditTemplates.Safeguarding };
        return Enumerable.Range(0, EssexCyclesPerYear).Select(i => new PlannedCycle(
                $"Practice audit cycle {i + 1} {label}",
                AuditCycleKind.PracticeAuditCycle,
                yearStart.AddDays(i * days / EssexCyclesPerYear),
                yearStart.AddDays((i + 1) * days / EssexCyclesPerYear - 1),
                EssexAuditsPerCycle,
                null,
                tools))
            .ToList();
    }

    private static List<PlannedCycle> Bedfordshire(DateOnly yearStart, string firstLeadCouncil)
    {
        var plan = new List<PlannedCycle>();
        var council = LeadCouncilRotation.Order[LeadCouncilRotation.IndexOf(firstLeadCouncil)];
        for (var q = 0; q < 4; q++)
        {
            var start = yearStart.AddMonths(3 * q);
            plan.Add(new PlannedCycle($"AMHP report audit Q{q + 1} {YearLabel(yearStart)} ({Short(council)} lead)", AuditCycleKind.AmhpReportQuarterly,
                start, start.AddMonths(3).AddDays(-1), AmhpQuarterlyCases, council, [DefaultAuditTemplates.AmhpReportAudit]));
            council = LeadCouncilRotation.Next(council);
        }
        for (var m = 0; m < 12; m++)
        {
            var start = yearStart.AddMonths(m);
            var end = start.AddMonths(1).AddDays(-1);
            var month = start.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
            plan.Add(new PlannedCycle($"AMHP referral audit {month}", AuditCycleKind.AmhpReferralMonthly, start, end, ReferralAuditCases, null, [DefaultAuditTemplates.AmhpReferralAudit]));
            plan.Add(new PlannedCycle($"No-MHAA referral audit {month}", AuditCycleKind.NoMhaaMonthly, start, end, null, null, [DefaultAuditTemplates.NoMhaaAudit]));
        }
        return plan.OrderBy(p => p.Start).ThenBy(p => p.Kind).ToList();
    }

    private static string YearLabel(DateOnly start) =>
        start is { Month: 1, Day: 1 } ? start.Year.ToString(CultureInfo.InvariantCulture) : $"{start.Year}/{(start.Year + 1) % 100:00}";

    private static string Short(string council) => council.Replace(" Council", "", StringComparison.Ordinal);
}
