using System.Globalization;
using Portal.Core.Excel;

namespace Portal.Core.Import;

/// <summary>
/// Applies a column's rule to a cell: gives the typed value, or a plain-English error. The same
/// rules serve .xlsx and CSV, so a value means the same whichever format the person saved.
/// </summary>
internal static class CellConverter
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    // UK order first; ISO for files from other systems; "31 Mar 2026" because people type it.
    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss",
        "yyyy-M-d", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d'T'H:mm:ss.FFFFFFF",
        "d MMM yyyy", "d MMMM yyyy",
    ];

    // A two-digit or mistyped year parses as year 26 or 2206; neither is a social-care date.
    private const int EarliestYear = 1900;
    private const int LatestYear = 2199;

    public readonly record struct Result(object? Value, string? Error, string Original);

    public static Result Convert(SourceCell cell, ImportColumn column, bool date1904)
    {
        var original = DisplayText(cell);
        if (cell.Kind == SourceCellKind.Error)
        {
            return new(null, ImportMessages.ExcelError(column, cell.Text ?? "#VALUE!"), original);
        }

        if (cell.IsBlank)
        {
            return new(null, column.Required ? ImportMessages.Required(column) : null, original);
        }

        var (value, error) = column.Kind switch
        {
            ImportColumnKind.Text => ToText(cell, column),
            ImportColumnKind.Choice => ToChoice(cell, column),
            ImportColumnKind.Date => ToDate(cell, column, date1904),
            ImportColumnKind.Number => ToNumber(cell, column),
            ImportColumnKind.WholeNumber => ToWholeNumber(cell, column),
            ImportColumnKind.YesNo => ToYesNo(cell, column),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Unknown column kind."),
        };
        return new(value, error, original);
    }

    /// <summary>What the cell shows, as text: used for text columns and to show the row in a preview.</summary>
    public static string DisplayText(SourceCell cell) => cell.Kind switch
    {
        SourceCellKind.Empty => string.Empty,
        SourceCellKind.Text or SourceCellKind.Error => cell.Text ?? string.Empty,
        SourceCellKind.Boolean => cell.Boolean ? "TRUE" : "FALSE",
        SourceCellKind.Date => cell.Date.TimeOfDay == TimeSpan.Zero
            ? cell.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : cell.Date.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        // "G15" is the precision Excel itself shows, so 0.1+0.2 reads 0.3 and 1234 reads 1234.
        SourceCellKind.Number => cell.Number.ToString("G15", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private static (object?, string?) ToText(SourceCell cell, ImportColumn column)
    {
        // The Portal's own exports add a quote before formula-like text; take it off again.
        var text = SpreadsheetText.Restore(DisplayText(cell).Trim());
        return column.MaxLength is { } max && text.Length > max ? (null, ImportMessages.TooLong(column)) : (text, null);
    }

    private static (object?, string?) ToChoice(SourceCell cell, ImportColumn column)
    {
        var text = DisplayText(cell);
        var match = column.Choices!.FirstOrDefault(choice => ImportText.SameName(choice, text));
        return match is null ? (null, ImportMessages.NotAChoice(column, ImportText.Tidy(text))) : (match, null);
    }

    private static (object?, string?) ToDate(SourceCell cell, ImportColumn column, bool date1904)
    {
        DateOnly? date = cell.Kind switch
        {
            SourceCellKind.Date => DateOnly.FromDateTime(cell.Date),
            // A date in a cell formatted as General or Number still holds Excel's serial number.
            SourceCellKind.Number => ExcelDate.FromSerial(cell.Number, date1904),
            SourceCellKind.Text => ParseDate(cell.Text!),
            _ => null,
        };

        return date is { } day && day.Year is >= EarliestYear and <= LatestYear
            ? (day, null)
            : (null, ImportMessages.NotADate(column));
    }

    private static DateOnly? ParseDate(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, UkCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? DateOnly.FromDateTime(parsed)
            : null;

    private static (object?, string?) ToNumber(SourceCell cell, ImportColumn column) =>
        ReadDecimal(cell) is { } number ? (number, null) : (null, ImportMessages.NotANumber(column));

    private static (object?, string?) ToWholeNumber(SourceCell cell, ImportColumn column) =>
        ReadDecimal(cell) is { } number && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
            ? ((int)number, null)
            : (null, ImportMessages.NotAWholeNumber(column));

    private static decimal? ReadDecimal(SourceCell cell)
    {
        switch (cell.Kind)
        {
            case SourceCellKind.Number:
                // Through "G15" rather than a cast, so 0.1 stored as a double comes back as exactly 0.1.
                return decimal.TryParse(cell.Number.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                    ? exact
                    : null;
            case SourceCellKind.Text:
                return decimal.TryParse(cell.Text!.Trim(), NumberStyles.Number | NumberStyles.AllowCurrencySymbol, UkCulture, out var typed)
                    ? typed
                    : null;
            default:
                return null;
        }
    }

    private static (object?, string?) ToYesNo(SourceCell cell, ImportColumn column)
    {
        bool? answer = cell.Kind switch
        {
            SourceCellKind.Boolean => cell.Boolean,
            SourceCellKind.Number when cell.Number is 1 => true,
            SourceCellKind.Number when cell.Number is 0 => false,
            SourceCellKind.Text => cell.Text!.Trim().ToUpperInvariant() switch
            {
                "YES" or "Y" or "TRUE" or "1" => true,
                "NO" or "N" or "FALSE" or "0" => false,
                _ => null,
            },
            _ => null,
        };

        return answer is { } yes ? (yes, null) : (null, ImportMessages.NotYesOrNo(column));
    }
}
