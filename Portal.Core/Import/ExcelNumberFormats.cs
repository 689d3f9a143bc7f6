using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Core.Import;

/// <summary>
/// An .xlsx stores a date as a plain number; only the cell's number format says it is a date.
/// This decides, for each cell format in the workbook, whether it shows a date.
/// </summary>
internal static class ExcelNumberFormats
{
    // Excel's built-in date and time formats (ECMA-376 part 1, 18.8.30, plus the East Asian ones).
    private static readonly HashSet<uint> BuiltInDateFormats =
    [
        14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
    ];

    /// <summary>For each cellXfs index, whether cells with that style hold dates.</summary>
    public static IReadOnlyList<bool> DateStyles(Stylesheet? stylesheet)
    {
        if (stylesheet?.CellFormats is not { } cellFormats)
        {
            return [];
        }

        var customCodes = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode!.Value!)
            ?? [];

        return cellFormats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id && IsDateFormat(id, customCodes))
            .ToList();
    }

    private static bool IsDateFormat(uint id, Dictionary<uint, string> customCodes) =>
        customCodes.TryGetValue(id, out var code) ? IsDateFormatCode(code) : BuiltInDateFormats.Contains(id);

    /// <summary>
    /// A format code shows a date or time when, outside quoted text, escaped characters and
    /// [bracketed] colours or locales, it uses d, m, y, h or s. "0.00", "#,##0", "0.00E+00" and
    /// "[Red]0%" do not; "dd/mm/yyyy", "d mmm yy", "[$-809]dd mmmm yyyy" and "[h]:mm" do.
    /// </summary>
    internal static bool IsDateFormatCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    var closingQuote = code.IndexOf('"', i + 1);
                    i = closingQuote < 0 ? code.Length : closingQuote;
                    break;
                case '[':
                    var closingBracket = code.IndexOf(']', i + 1);
                    if (closingBracket < 0)
                    {
                        return false;
                    }

                    if (IsElapsedTime(code.AsSpan(i + 1, closingBracket - i - 1)))
                    {
                        return true;
                    }

                    i = closingBracket;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case ';':
                    // Only the first section counts: the others are for negatives, zero and text.
                    return false;
                default:
                    if (char.ToLowerInvariant(code[i]) is 'd' or 'm' or 'y' or 'h' or 's')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>[h], [mm] and [ss] are elapsed times; [Red] and [$-809] are not.</summary>
    private static bool IsElapsedTime(ReadOnlySpan<char> inside)
    {
        if (inside.IsEmpty)
        {
            return false;
        }

        var first = char.ToLowerInvariant(inside[0]);
        if (first is not ('h' or 'm' or 's'))
        {
            return false;
        }

        foreach (var c in inside)
        {
            if (char.ToLowerInvariant(c) != first)
            {
                return false;
            }
        }

        return true;
    }
}
