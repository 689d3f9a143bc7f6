using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.ActionPlans;

/// <summary>
/// When an action is due: a day ("30 September 2015") or a month ("March 2016", due by its last day),
/// as the seed's Timescale column writes it. Reads the forms people type in spreadsheets:
/// "Sept 15", "Dec 2016", "10/2021", "30/09/2015".
/// </summary>
public readonly partial record struct Timescale
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, int> MonthWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3,
        ["apr"] = 4, ["april"] = 4, ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7,
        ["aug"] = 8, ["august"] = 8, ["sep"] = 9, ["sept"] = 9, ["september"] = 9,
        ["oct"] = 10, ["october"] = 10, ["nov"] = 11, ["november"] = 11, ["dec"] = 12, ["december"] = 12,
    };

    private Timescale(DateOnly start, bool isMonth)
    {
        Start = start;
        IsMonth = isMonth;
    }

    /// <summary>The day, or the first day of the month.</summary>
    public DateOnly Start { get; }

    public bool IsMonth { get; }

    /// <summary>The last day the action is on time: the day itself, or the month's last day.</summary>
    public DateOnly DueBy => IsMonth ? Start.AddMonths(1).AddDays(-1) : Start;

    public static Timescale OnDate(DateOnly date) => new(date, false);

    public static Timescale InMonth(int year, int month)
    {
        if (year is < 1900 or > 2200 || month is < 1 or > 12)
            throw new DomainRuleException("A timescale month must be a real month between 1900 and 2200.");
        return new(new DateOnly(year, month, 1), true);
    }

    /// <summary>Rebuilds a timescale from its stored parts.</summary>
    public static Timescale? FromStored(DateOnly? start, bool isMonth) =>
        start is { } s ? isMonth ? InMonth(s.Year, s.Month) : OnDate(s) : null;

    public override string ToString() =>
        IsMonth ? Start.ToString("MMMM yyyy", English) : Start.ToString("d MMMM yyyy", English);

    /// <summary>
    /// Reads a timescale as typed. Returns false, with a plain-English reason, when the text is not a
    /// day or a month; the caller keeps the words so nothing is lost.
    /// </summary>
    public static bool TryParse(string? text, out Timescale timescale, out string? problem)
    {
        timescale = default;
        problem = null;
        var value = Whitespace().Replace(text?.Trim() ?? "", " ");
        if (value.Length == 0)
        {
            problem = "The timescale is empty.";
            return false;
        }

        // "30/09/2015", "30 September 2015", "2015-09-30"
        if (DateOnly.TryParseExact(value, ["d/M/yyyy", "d/M/yy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy"], English, DateTimeStyles.None, out var day))
        {
            timescale = OnDate(day);
            return true;
        }

        // "10/2021"
        var numeric = NumericMonth().Match(value);
        if (numeric.Success)
        {
            var month = int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12)
            {
                timescale = InMonth(year, month);
                return true;
            }
        }

        // "March 2016", "Sept 15", "Dec 2016", "June, 2015"
        var worded = WordedMonth().Match(value);
        if (worded.Success && MonthWords.TryGetValue(worded.Groups[1].Value, out var m))
        {
            var year = int.Parse(worded.Groups[2].Value, CultureInfo.InvariantCulture);
            if (worded.Groups[2].Value.Length == 2)
                year += 2000;
            timescale = InMonth(year, m);
            return true;
        }

        problem = $"\"{value}\" is not a date or a month. Write a date like 30/09/2015 or a month like March 2016.";
        return false;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d{1,2})/(\d{4})$")]
    private static partial Regex NumericMonth();

    [GeneratedRegex(@"^([A-Za-z]+)\.?,? (\d{2}|\d{4})$")]
    private static partial Regex WordedMonth();
}
