using Portal.Core.Providers;

namespace Portal.App.Components.Pages.Providers;

/// <summary>Plain-English wording shared by the provider pages.</summary>
internal static class Labels
{
    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", null => "Not answered" };

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy") ?? "—";

    public static string RagFor(ProcessStage stage) => stage switch
    {
        ProcessStage.SafetyAndImprovement or ProcessStage.MultiAgencyDecision => "rag-red",
        ProcessStage.QualityAssurance => "rag-amber",
        ProcessStage.Prevention => "rag-green",
        _ => "rag-complete",
    };
}
