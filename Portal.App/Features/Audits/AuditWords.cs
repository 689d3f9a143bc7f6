using Portal.Core.Audits;

namespace Portal.App.Features.Audits;

/// <summary>Plain words for statuses shown on pages.</summary>
public static class AuditWords
{
    public static string Status(AuditStatus status) => status switch
    {
        AuditStatus.Completed => "Completed",
        AuditStatus.InProgress => "In progress",
        _ => "Not started",
    };

    public static string Selection(CaseSelection selection) => selection switch
    {
        CaseSelection.InPool => "In the pool",
        CaseSelection.Selected => "Drawn",
        CaseSelection.NotSelected => "Not drawn",
        CaseSelection.Excluded => "Excluded",
        CaseSelection.AddedManually => "Added by hand",
        CaseSelection.Removed => "Taken out by hand",
        _ => selection.ToString(),
    };

    public static string Percent(double? value) => value is { } v ? $"{v:0.#}%" : "—";

    public static string Kappa(double? value) => value is { } v ? $"{v:0.000} ({GradeAgreement.Interpret(v)})" : GradeAgreement.Interpret(null);
}
