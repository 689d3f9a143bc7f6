namespace Portal.App.Features.Audits;

/// <summary>Times as people in the UK read them (Europe/London, so British Summer Time is right).</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateTimeOffset ToUk(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    public static string Time(DateTimeOffset value) => ToUk(value).ToString("HH:mm");

    public static string DateTime(DateTimeOffset value) => ToUk(value).ToString("d MMM yyyy HH:mm");

    public static string Date(DateTimeOffset value) => ToUk(value).ToString("d MMM yyyy");

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
