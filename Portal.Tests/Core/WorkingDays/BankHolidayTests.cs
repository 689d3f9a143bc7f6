using Xunit;
using Portal.Core.Calendar;

namespace Portal.Tests.Core.WorkingDays;

public class BankHolidayTests
{
    // The England and Wales dates published on gov.uk/bank-holidays, typed out by hand (not computed).
    public static TheoryData<int, string[]> Published => new()
    {
        { 2018, ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"] },
        { 2019, ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void The_computed_bank_holidays_match_the_published_gov_uk_dates(int year, string[] expected)
    {
        var computed = EnglandAndWalesBankHolidays.For(year).Select(h => h.Date.ToString("yyyy-MM-dd")).ToArray();
        Assert.Equal(expected, computed);
    }

    [Theory]
    [InlineData(2018, "2018-04-01")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_Sunday_comes_from_the_computus(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), EnglandAndWalesBankHolidays.EasterSunday(year));

    [Fact]
    public void A_Boxing_Day_on_Saturday_gets_a_substitute_on_Monday_with_its_name()
    {
        var holidays = EnglandAndWalesBankHolidays.For(2026);
        Assert.Contains(holidays, h => h.Date == new DateOnly(2026, 12, 28) && h.Name == "Boxing Day (substitute day)");
        Assert.DoesNotContain(holidays, h => h.Date == new DateOnly(2026, 12, 26));
    }

    [Fact]
    public void A_Christmas_on_Sunday_moves_to_Tuesday_after_Boxing_Day_on_Monday()
    {
        var holidays = EnglandAndWalesBankHolidays.For(2022);
        Assert.Equal("Boxing Day", holidays.Single(h => h.Date == new DateOnly(2022, 12, 26)).Name);
        Assert.Equal("Christmas Day (substitute day)", holidays.Single(h => h.Date == new DateOnly(2022, 12, 27)).Name);
    }

    [Fact]
    public void The_moved_early_May_and_spring_holidays_are_not_also_kept_on_their_usual_Mondays()
    {
        Assert.DoesNotContain(EnglandAndWalesBankHolidays.For(2020), h => h.Date == new DateOnly(2020, 5, 4));
        Assert.DoesNotContain(EnglandAndWalesBankHolidays.For(2022), h => h.Date == new DateOnly(2022, 5, 30));
    }
}

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Fact]
    public void Weekends_and_bank_holidays_are_not_working_days()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 21))); // Saturday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 22))); // Sunday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 12, 28))); // Boxing Day substitute
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void Adding_working_days_skips_weekends_without_counting_the_start_day()
    {
        // Friday 20 November 2026 + 1 working day is Monday 23rd; + 10 is Friday 4 December.
        Assert.Equal(new DateOnly(2026, 11, 23), Calendar.AddWorkingDays(new DateOnly(2026, 11, 20), 1));
        Assert.Equal(new DateOnly(2026, 12, 4), Calendar.AddWorkingDays(new DateOnly(2026, 11, 20), 10));
    }

    [Fact]
    public void Adding_working_days_over_Christmas_skips_the_bank_holidays_and_substitute_days()
    {
        // Wednesday 23 Dec 2026: 24th (Thu), then 25th Fri and 28th Mon are holidays, 29th Tue, 30th Wed, 31st Thu.
        Assert.Equal(new DateOnly(2026, 12, 31), Calendar.AddWorkingDays(new DateOnly(2026, 12, 23), 4));
    }

    [Fact]
    public void Adding_working_days_over_Easter_2027_skips_Good_Friday_and_Easter_Monday()
    {
        // Thursday 25 March 2027 + 1 working day is Tuesday 30 March.
        Assert.Equal(new DateOnly(2027, 3, 30), Calendar.AddWorkingDays(new DateOnly(2027, 3, 25), 1));
    }

    [Fact]
    public void Negative_working_days_count_backwards()
    {
        Assert.Equal(new DateOnly(2026, 11, 20), Calendar.AddWorkingDays(new DateOnly(2026, 11, 23), -1));
        Assert.Equal(new DateOnly(2026, 11, 23), Calendar.AddWorkingDays(new DateOnly(2026, 11, 23), 0));
    }

    [Fact]
    public void An_administrators_closure_day_is_not_a_working_day()
    {
        var closure = new DateOnly(2026, 12, 24);
        var local = new WorkingDayCalendar([closure]);
        Assert.False(local.IsWorkingDay(closure));
        Assert.True(Calendar.IsWorkingDay(closure));
        Assert.Equal(new DateOnly(2026, 12, 29), local.AddWorkingDays(new DateOnly(2026, 12, 23), 1));
    }

    [Fact]
    public void Working_days_between_two_dates_count_the_end_but_not_the_start_and_go_negative_backwards()
    {
        Assert.Equal(5, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 27)));
        Assert.Equal(-5, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 20)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void A_date_on_a_bank_holiday_rolls_to_the_next_or_previous_working_day()
    {
        Assert.Equal(new DateOnly(2027, 3, 30), Calendar.OnOrNextWorkingDay(new DateOnly(2027, 3, 26)));
        Assert.Equal(new DateOnly(2027, 3, 25), Calendar.OnOrPreviousWorkingDay(new DateOnly(2027, 3, 29)));
        Assert.Equal(new DateOnly(2027, 3, 31), Calendar.OnOrNextWorkingDay(new DateOnly(2027, 3, 31)));
    }
}
