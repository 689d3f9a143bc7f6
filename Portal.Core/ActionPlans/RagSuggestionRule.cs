using System.Globalization;
using Portal.Core.Rag;

namespace Portal.Core.ActionPlans;

/// <summary>A RAG the portal proposes, with the reason in plain English. A person accepts it or not.</summary>
public sealed record RagSuggestion(RagStatus Suggested, string Reason);

/// <summary>
/// The portal suggests a RAG but never sets one: the RAG is a person's judgement with a rationale.
/// Overdue and not complete suggests Red; due within <see cref="DueSoonDays"/> days with no update for
/// <see cref="StaleUpdateDays"/> days suggests Amber. Otherwise there is no suggestion.
/// </summary>
public static class RagSuggestionRule
{
    public const int DueSoonDays = 30;
    public const int StaleUpdateDays = 60;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static RagSuggestion? Suggest(RagStatus? current, Timescale? timescale, DateOnly? latestUpdateOn, DateOnly today)
    {
        if (current == RagStatus.Complete || timescale is not { } due)
            return null;

        var dueBy = due.DueBy;
        if (dueBy < today)
        {
            if (current == RagStatus.Red)
                return null;
            var days = today.DayNumber - dueBy.DayNumber;
            return new RagSuggestion(RagStatus.Red,
                $"The timescale ({due}) has passed: it was due by {Format(dueBy)}, {Days(days)} ago, and the action is not complete.");
        }

        var daysLeft = dueBy.DayNumber - today.DayNumber;
        var stale = latestUpdateOn is not { } last || today.DayNumber - last.DayNumber > StaleUpdateDays;
        if (daysLeft <= DueSoonDays && stale && current is null or RagStatus.Green)
        {
            var updateWords = latestUpdateOn is { } l
                ? $"the last update was on {Format(l)}, more than {StaleUpdateDays} days ago"
                : "no update has been recorded";
            var when = daysLeft == 0 ? "today" : $"in {Days(daysLeft)}";
            return new RagSuggestion(RagStatus.Amber, $"It is due by {Format(dueBy)} ({when}) and {updateWords}.");
        }

        return null;
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", English);

    private static string Days(int count) => count == 1 ? "1 day" : $"{count} days";
}
