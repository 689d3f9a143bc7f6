namespace Portal.Core.Calendar;

/// <summary>
/// Working days for deadlines: Monday to Friday, less England and Wales bank holidays and the extra closure
/// days an administrator keeps (a one-off holiday not yet in the code, a council's own closure days).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _extraClosures;
    private readonly Dictionary<int, HashSet<DateOnly>> _holidaysByYear = [];

    public WorkingDayCalendar(IEnumerable<DateOnly>? extraClosureDays = null) =>
        _extraClosures = (extraClosureDays ?? []).ToHashSet();

    /// <summary>Bank holidays only, no local closure days.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new();

    public IReadOnlyCollection<DateOnly> ExtraClosureDays => _extraClosures;

    public bool IsBankHoliday(DateOnly date) => HolidaysIn(date.Year).Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !IsBankHoliday(date)
        && !_extraClosures.Contains(date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (before it when
    /// negative). The start day itself is not counted, so "within 10 working days of a decision on a Friday"
    /// counts from the Monday. Zero returns the start unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var remaining = Math.Abs(workingDays);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
                remaining--;
        }
        return date;
    }

    /// <summary>
    /// Working days from <paramref name="from"/> (exclusive) to <paramref name="to"/> (inclusive); negative when
    /// <paramref name="to"/> is earlier. AddWorkingDays(from, WorkingDaysBetween(from, to)) lands on or before to.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to == from)
            return 0;
        var sign = to > from ? 1 : -1;
        var (start, end) = to > from ? (from, to) : (to, from);
        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
            if (IsWorkingDay(date))
                count++;
        return sign * count;
    }

    /// <summary>The date itself when it is a working day, otherwise the next working day.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(1);
        return date;
    }

    /// <summary>The date itself when it is a working day, otherwise the working day before it.</summary>
    public DateOnly OnOrPreviousWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(-1);
        return date;
    }

    private HashSet<DateOnly> HolidaysIn(int year)
    {
        lock (_holidaysByYear)
        {
            if (!_holidaysByYear.TryGetValue(year, out var set))
                _holidaysByYear[year] = set = EnglandAndWalesBankHolidays.For(year).Select(h => h.Date).ToHashSet();
            return set;
        }
    }
}
