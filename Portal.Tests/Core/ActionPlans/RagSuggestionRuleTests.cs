using Portal.Core.ActionPlans;
using Portal.Core.Rag;
using Xunit;

namespace Portal.Tests.Core.ActionPlans;

public class RagSuggestionRuleTests
{
    private static readonly DateOnly Today = new(2016, 3, 10);

    [Fact]
    public void An_overdue_action_that_is_not_complete_is_suggested_red_with_the_reason()
    {
        var suggestion = RagSuggestionRule.Suggest(RagStatus.Green, Timescale.InMonth(2015, 9), new DateOnly(2016, 3, 1), Today);

        Assert.NotNull(suggestion);
        Assert.Equal(RagStatus.Red, suggestion.Suggested);
        Assert.Contains("September 2015", suggestion.Reason);
        Assert.Contains("has passed", suggestion.Reason);
        Assert.Contains("not complete", suggestion.Reason);
    }

    [Fact]
    public void An_overdue_action_already_red_gets_no_suggestion()
    {
        Assert.Null(RagSuggestionRule.Suggest(RagStatus.Red, Timescale.InMonth(2015, 9), null, Today));
    }

    [Fact]
    public void A_complete_action_gets_no_suggestion_even_when_its_timescale_has_passed()
    {
        Assert.Null(RagSuggestionRule.Suggest(RagStatus.Complete, Timescale.InMonth(2015, 9), null, Today));
    }

    [Fact]
    public void An_action_due_on_the_last_day_of_its_month_is_not_overdue_on_that_day()
    {
        var suggestion = RagSuggestionRule.Suggest(RagStatus.Green, Timescale.InMonth(2016, 3), Today, new DateOnly(2016, 3, 31));
        Assert.Null(suggestion);
        Assert.Equal(RagStatus.Red, RagSuggestionRule.Suggest(RagStatus.Green, Timescale.InMonth(2016, 3), Today, new DateOnly(2016, 4, 1))!.Suggested);
    }

    [Fact]
    public void Due_within_30_days_with_no_update_for_over_60_days_is_suggested_amber()
    {
        var due = Timescale.OnDate(Today.AddDays(30));
        var lastUpdate = Today.AddDays(-61);

        var suggestion = RagSuggestionRule.Suggest(RagStatus.Green, due, lastUpdate, Today);

        Assert.NotNull(suggestion);
        Assert.Equal(RagStatus.Amber, suggestion.Suggested);
        Assert.Contains("in 30 days", suggestion.Reason);
        Assert.Contains("9 January 2016", suggestion.Reason);
    }

    [Fact]
    public void Due_soon_with_no_update_ever_is_suggested_amber_and_says_so()
    {
        var suggestion = RagSuggestionRule.Suggest(null, Timescale.OnDate(Today.AddDays(5)), null, Today);
        Assert.Equal(RagStatus.Amber, suggestion!.Suggested);
        Assert.Contains("no update has been recorded", suggestion.Reason);
    }

    [Fact]
    public void Due_soon_but_updated_within_60_days_gets_no_suggestion()
    {
        Assert.Null(RagSuggestionRule.Suggest(RagStatus.Green, Timescale.OnDate(Today.AddDays(10)), Today.AddDays(-60), Today));
    }

    [Fact]
    public void Due_in_more_than_30_days_gets_no_suggestion_however_stale()
    {
        Assert.Null(RagSuggestionRule.Suggest(RagStatus.Green, Timescale.OnDate(Today.AddDays(31)), Today.AddDays(-400), Today));
    }

    [Fact]
    public void Amber_is_never_suggested_to_an_action_already_amber_or_red()
    {
        var due = Timescale.OnDate(Today.AddDays(10));
        Assert.Null(RagSuggestionRule.Suggest(RagStatus.Amber, due, null, Today));
        Assert.Null(RagSuggestionRule.Suggest(RagStatus.Red, due, null, Today));
    }

    [Fact]
    public void An_action_without_a_timescale_gets_no_suggestion()
    {
        Assert.Null(RagSuggestionRule.Suggest(RagStatus.Green, null, null, Today));
    }
}
