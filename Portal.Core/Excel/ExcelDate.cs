namespace Portal.Core.Excel;

/// <summary>
/// Excel stores dates as days since 30/12/1899 (the "1900 date system"). Shared by the writer and
/// the import reader so both agree on the same day.
/// </summary>
internal static class ExcelDate
{
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    /// <summary>
    /// Before 1 March 1900 Excel's serials are off by one (it believes 1900 was a leap year), so
    /// the writer shows earlier dates as text rather than as a wrong date.
    /// </summary>
    public static readonly DateOnly FirstExactDate = new(1900, 3, 1);

    /// <summary>Largest serial Excel accepts: 31/12/9999.</summary>
    public const double MaxSerial = 2_958_465;

    /// <summary>Days between the 1900 and 1904 date systems, for workbooks saved by old Mac Excel.</summary>
    public const int Date1904Offset = 1_462;

    public static bool CanWrite(DateOnly date) => date >= FirstExactDate;

    public static int ToSerial(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    public static double ToSerial(DateTime dateTime) =>
        ToSerial(DateOnly.FromDateTime(dateTime)) + (dateTime.TimeOfDay.Ticks / (double)TimeSpan.TicksPerDay);

    /// <summary>Day (time of day dropped) for a serial, or null when the serial is not a date Excel can show.</summary>
    public static DateOnly? FromSerial(double serial, bool date1904)
    {
        if (double.IsNaN(serial) || serial < 1 || serial >= MaxSerial + 1)
        {
            return null;
        }

        var days = (int)Math.Floor(serial) + (date1904 ? Date1904Offset : 0);
        return Epoch.AddDays(days);
    }
}
