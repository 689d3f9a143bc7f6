namespace Portal.Core.Audits;

/// <summary>
/// The four grades of the Essex Adult Social Care Quality Assurance Framework (seed 004), in order from
/// lowest to highest. The numeric values are the order used by the weighted agreement statistics.
/// </summary>
public enum AuditGrade
{
    RequiresImprovement = 1,
    Adequate = 2,
    Good = 3,
    Outstanding = 4,
}

public static class AuditGrades
{
    public static IReadOnlyList<AuditGrade> All { get; } = [AuditGrade.RequiresImprovement, AuditGrade.Adequate, AuditGrade.Good, AuditGrade.Outstanding];

    /// <summary>The framework's "Grading Outcome" wording.</summary>
    public static string Describe(this AuditGrade grade) => grade switch
    {
        AuditGrade.RequiresImprovement => "Requires improvement",
        AuditGrade.Adequate => "Adequate",
        AuditGrade.Good => "Good",
        AuditGrade.Outstanding => "Outstanding",
        _ => grade.ToString(),
    };

    /// <summary>The framework's "Grading Description" for each grade, word for word.</summary>
    public static IReadOnlyList<string> Descriptors(this AuditGrade grade) => grade switch
    {
        AuditGrade.RequiresImprovement =>
        [
            "Practice is insufficient or lacking in professional insight and analysis.",
            "There is a lack of reference to the application of relevant legislation and organisational guidance.",
            "Work is poorly structured and recorded.",
            "Limited or no evidence of the person's voice or involvement in the assessment.",
        ],
        AuditGrade.Adequate =>
        [
            "Some evidence of professional practice backed up by application of relevant legislation and organisational guidance.",
            "Some evidence of involving the person, and collaborative working.",
            "Quality of recording could be improved",
        ],
        AuditGrade.Good =>
        [
            "Evidence-based professional practice with the application of relevant legislation and organisational guidance.",
            "Outcomes are clearly defined.",
            "The person has been supported to participate, and the work includes their views and wishes.",
            "Recording is clear, consistent, and well-structured.",
            "There is evidence of impact and professional decision-making.",
        ],
        AuditGrade.Outstanding =>
        [
            "As with a 'good' grade but with evidence of exceptional professional practice, competence, and decision-making.",
            "The work has in-depth case analysis of the person's circumstances, with innovative interventions to enhance the wellbeing of the person, utilising their skills and assets to minimise risk, disadvantage, and adversity.",
        ],
        _ => [],
    };

    public static bool IsGoodOrBetter(this AuditGrade grade) => grade >= AuditGrade.Good;

    /// <summary>Parses the framework wording or the enum name, in any case; null when it is neither.</summary>
    public static AuditGrade? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = text.Trim();
        foreach (var grade in All)
            if (string.Equals(grade.Describe(), value, StringComparison.OrdinalIgnoreCase) || string.Equals(grade.ToString(), value, StringComparison.OrdinalIgnoreCase))
                return grade;
        return null;
    }

    /// <summary>The four quality aspects an auditor holds in mind (seed 004, "Audit grading").</summary>
    public static IReadOnlyList<string> QualityAspects { get; } =
    [
        "The person's participation and voice",
        "Quality of the practice",
        "The impact of practice",
        "Quality of the recording",
    ];
}
