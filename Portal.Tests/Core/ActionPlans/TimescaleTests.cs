using Portal.Core;
using Portal.Core.ActionPlans;
using Xunit;

namespace Portal.Tests.Core.ActionPlans;

public class TimescaleTests
{
    [Theory]
    [InlineData("June 2015", 2015, 6)]
    [InlineData("March 2016", 2016, 3)]
    [InlineData("Dec\n2016", 2016, 12)]
    [InlineData("Sept\n2015", 2015, 9)]
    [InlineData("Sept 15", 2015, 9)]
    [InlineData("Oct 2015", 2015, 10)]
    [InlineData("10/2021", 2021, 10)]
    public void The_month_forms_written_in_the_seed_plans_are_read_as_months(string text, int year, int month)
    {
        Assert.True(Timescale.TryParse(text, out var timescale, out var problem), problem);
        Assert.True(timescale.IsMonth);
        Assert.Equal(new DateOnly(year, month, 1), timescale.Start);
    }

    [Fact]
    public void A_month_is_due_by_its_last_day()
    {
        Assert.Equal(new DateOnly(2016, 2, 29), Timescale.InMonth(2016, 2).DueBy);
        Assert.Equal(new DateOnly(2015, 9, 30), Timescale.InMonth(2015, 9).DueBy);
    }

    [Fact]
    public void A_day_is_due_on_that_day_and_round_trips_through_its_words()
    {
        Assert.True(Timescale.TryParse("30/09/2015", out var day, out _));
        Assert.False(day.IsMonth);
        Assert.Equal(new DateOnly(2015, 9, 30), day.DueBy);
        Assert.Equal("30 September 2015", day.ToString());
        Assert.True(Timescale.TryParse(day.ToString(), out var again, out _));
        Assert.Equal(day, again);
        Assert.Equal("March 2016", Timescale.InMonth(2016, 3).ToString());
    }

    [Theory]
    [InlineData("Review End March 2022")]
    [InlineData("Reviewed and ongoing 2021")]
    [InlineData("")]
    [InlineData("Smarch 2016")]
    public void Words_that_are_not_a_day_or_a_month_are_refused_with_a_reason(string text)
    {
        Assert.False(Timescale.TryParse(text, out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void An_impossible_month_is_a_rule_breach()
    {
        Assert.Throws<DomainRuleException>(() => Timescale.InMonth(2016, 13));
    }
}
