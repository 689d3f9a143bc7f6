namespace Portal.Core.Calendar;

/// <summary>A public holiday: its date and the name gov.uk gives it.</summary>
public sealed record BankHoliday(DateOnly Date, string Name);

/// <summary>
/// England and Wales bank holidays, computed rather than typed in each year, so deadlines stay right for
/// any year. Regular holidays follow the Banking and Financial Dealings Act 1971 and the annual
/// proclamations (substitute days when Christmas, Boxing Day or New Year's Day fall at a weekend);
/// holidays moved or added by a one-off proclamation are listed in <see cref="OneOffChanges"/>.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    /// <summary>
    /// Proclamations that moved a regular holiday (Original → Moved) or added a one-off one (Original null).
    /// A new royal proclamation is added here, or by an administrator as an extra closure day.
    /// </summary>
    public static IReadOnlyList<(DateOnly? Original, DateOnly Date, string Name)> OneOffChanges { get; } =
    [
        (null, new DateOnly(1999, 12, 31), "Millennium celebrations"),
        (null, new DateOnly(2002, 6, 3), "Golden Jubilee bank holiday"),
        (new DateOnly(2002, 5, 27), new DateOnly(2002, 6, 4), "Spring bank holiday"),
        (null, new DateOnly(2011, 4, 29), "Royal wedding"),
        (new DateOnly(2012, 5, 28), new DateOnly(2012, 6, 4), "Spring bank holiday"),
        (null, new DateOnly(2012, 6, 5), "Queen’s Diamond Jubilee"),
        (new DateOnly(2020, 5, 4), new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)"),
        (new DateOnly(2022, 5, 30), new DateOnly(2022, 6, 2), "Spring bank holiday"),
        (null, new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"),
        (null, new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        (null, new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
    ];

    /// <summary>All bank holidays in England and Wales in <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> For(int year)
    {
        if (year is < 1972 or > 9998)
            throw new ArgumentOutOfRangeException(nameof(year), "Bank holidays are computed for 1972 to 9998.");

        var easter = EasterSunday(year);
        var list = new List<BankHoliday>();

        var newYear = new DateOnly(year, 1, 1);
        // New Year's Day became a bank holiday in England and Wales from 1974.
        if (year >= 1974)
            list.Add(newYear.DayOfWeek switch
            {
                DayOfWeek.Saturday => new BankHoliday(newYear.AddDays(2), "New Year’s Day (substitute day)"),
                DayOfWeek.Sunday => new BankHoliday(newYear.AddDays(1), "New Year’s Day (substitute day)"),
                _ => new BankHoliday(newYear, "New Year’s Day"),
            });

        list.Add(new BankHoliday(easter.AddDays(-2), "Good Friday"));
        list.Add(new BankHoliday(easter.AddDays(1), "Easter Monday"));
        // The early May bank holiday began in 1978.
        if (year >= 1978)
            list.Add(new BankHoliday(FirstMonday(year, 5), "Early May bank holiday"));
        list.Add(new BankHoliday(LastMonday(year, 5), "Spring bank holiday"));
        list.Add(new BankHoliday(LastMonday(year, 8), "Summer bank holiday"));

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday: // Boxing Day on Saturday moves to Monday 28th.
                list.Add(new BankHoliday(christmas, "Christmas Day"));
                list.Add(new BankHoliday(christmas.AddDays(3), "Boxing Day (substitute day)"));
                break;
            case DayOfWeek.Saturday:
                list.Add(new BankHoliday(christmas.AddDays(2), "Christmas Day (substitute day)"));
                list.Add(new BankHoliday(christmas.AddDays(3), "Boxing Day (substitute day)"));
                break;
            case DayOfWeek.Sunday: // Boxing Day is Monday 26th; Christmas moves to Tuesday 27th.
                list.Add(new BankHoliday(christmas.AddDays(1), "Boxing Day"));
                list.Add(new BankHoliday(christmas.AddDays(2), "Christmas Day (substitute day)"));
                break;
            default:
                list.Add(new BankHoliday(christmas, "Christmas Day"));
                list.Add(new BankHoliday(christmas.AddDays(1), "Boxing Day"));
                break;
        }

        foreach (var (original, date, name) in OneOffChanges)
        {
            if (original is { } moved && moved.Year == year)
                list.RemoveAll(h => h.Date == moved);
            if (date.Year == year)
                list.Add(new BankHoliday(date, name));
        }

        return list.OrderBy(h => h.Date).ToList();
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
            date = date.AddDays(1);
        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (date.DayOfWeek != DayOfWeek.Monday)
            date = date.AddDays(-1);
        return date;
    }
}
