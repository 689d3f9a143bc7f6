using System.Globalization;
using Portal.Core.Rag;

namespace Portal.Core.Excel;

/// <summary>
/// The layout of one sheet: its name and typed columns, declared once and written by
/// <see cref="ExcelWorkbookWriter"/>. Every column writes a real Excel value (numbers are numbers,
/// dates are dates) so people can sort, filter and add up the export without retyping it.
/// A null value gives an empty cell.
/// </summary>
/// <example>
/// <code>
/// var sheet = new ExcelSheet&lt;AuditRow&gt;("Audits")
///     .Text("Case reference", a => a.Reference)
///     .Date("Date of work", a => a.WorkDate)
///     .Percentage("Score", a => a.Score, decimalPlaces: 1)
///     .Rag("Rating", a => a.Rating);
/// </code>
/// </example>
public sealed class ExcelSheet<T>
{
    public const int MaxDecimalPlaces = 10;

    private const double MinWidth = 6;
    private const double MaxWidth = 80;

    // Room for the filter drop-down button Excel draws at the right of each header cell.
    private const double FilterButtonWidth = 3;

    private readonly List<ExcelColumn<T>> _columns = [];

    public ExcelSheet(string name)
    {
        if (ExcelSheetName.Problem(name) is { } problem)
        {
            throw new ArgumentException(problem + " Use ExcelSheetName.Clean to make a valid name.", nameof(name));
        }

        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<string> Headers => _columns.Select(c => c.Header).ToList();

    internal IReadOnlyList<ExcelColumn<T>> Columns => _columns;

    /// <summary>Free text, written as text even when it looks like a number or formula (see <see cref="SpreadsheetText"/>).</summary>
    public ExcelSheet<T> Text(string header, Func<T, string?> value, double? width = null) =>
        Add(header, width, 20, item => ExcelCell.Text(value(item)));

    /// <summary>A number shown with <paramref name="decimalPlaces"/> decimals and thousands separators. For counts use <see cref="WholeNumber"/>.</summary>
    public ExcelSheet<T> Number(string header, Func<T, decimal?> value, int decimalPlaces = 2, double? width = null)
    {
        var style = ExcelCellStyle.Number(CheckDecimalPlaces(decimalPlaces));
        return Add(header, width, 12, item => NumberCell(value(item), style));
    }

    /// <inheritdoc cref="Number(string, Func{T, decimal?}, int, double?)"/>
    public ExcelSheet<T> Number(string header, Func<T, double?> value, int decimalPlaces = 2, double? width = null)
    {
        var style = ExcelCellStyle.Number(CheckDecimalPlaces(decimalPlaces));
        return Add(header, width, 12, item => NumberCell(value(item), style));
    }

    /// <summary>A count or other integer, shown with thousands separators. References and years belong in <see cref="Text"/>.</summary>
    public ExcelSheet<T> WholeNumber(string header, Func<T, long?> value, double? width = null) =>
        Add(header, width, 10, item => value(item) is { } number
            ? ExcelCell.Number(number.ToString(CultureInfo.InvariantCulture), ExcelCellStyle.WholeNumber)
            : ExcelCell.Empty);

    /// <summary>A fraction from 0 to 1 shown as a percentage: 0.875 with one decimal place shows 87.5%.</summary>
    public ExcelSheet<T> Percentage(string header, Func<T, decimal?> value, int decimalPlaces = 0, double? width = null)
    {
        var style = ExcelCellStyle.Percentage(CheckDecimalPlaces(decimalPlaces));
        return Add(header, width, 10, item => NumberCell(value(item), style));
    }

    /// <inheritdoc cref="Percentage(string, Func{T, decimal?}, int, double?)"/>
    public ExcelSheet<T> Percentage(string header, Func<T, double?> value, int decimalPlaces = 0, double? width = null)
    {
        var style = ExcelCellStyle.Percentage(CheckDecimalPlaces(decimalPlaces));
        return Add(header, width, 10, item => NumberCell(value(item), style));
    }

    /// <summary>A date shown as dd/mm/yyyy.</summary>
    public ExcelSheet<T> Date(string header, Func<T, DateOnly?> value, double? width = null) =>
        Add(header, width, 12, item => DateCell(value(item)));

    /// <summary>
    /// A date, or date and time (dd/mm/yyyy hh:mm) when <paramref name="includeTime"/> is true.
    /// The clock time is written as it is: convert UTC values to UK time first.
    /// </summary>
    public ExcelSheet<T> Date(string header, Func<T, DateTime?> value, bool includeTime = false, double? width = null) =>
        Add(header, width, includeTime ? 17 : 12, item => DateTimeCell(value(item), includeTime));

    /// <summary>
    /// As the <see cref="DateTime"/> overload, using the clock time at the value's own offset.
    /// Convert to UK time (Europe/London) first so the person sees the time they expect.
    /// </summary>
    public ExcelSheet<T> Date(string header, Func<T, DateTimeOffset?> value, bool includeTime = false, double? width = null) =>
        Add(header, width, includeTime ? 17 : 12, item => DateTimeCell(value(item)?.DateTime, includeTime));

    /// <summary>A RAG rating: the word in a cell shaded red, amber, green or blue (Complete).</summary>
    public ExcelSheet<T> Rag(string header, Func<T, RagStatus?> value, double? width = null) =>
        Add(header, width, 11, item => value(item) is { } status
            ? ExcelCell.Text(status.ToWord(), ExcelCellStyle.Rag(status))
            : ExcelCell.Empty);

    /// <summary>
    /// A RAG rating given as a word. Red, Amber, Green and Complete (any case) get their colour;
    /// any other word is written plainly, because the word, not the colour, carries the meaning.
    /// </summary>
    public ExcelSheet<T> Rag(string header, Func<T, string?> word, double? width = null) =>
        Add(header, width, 11, item =>
        {
            var text = word(item)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return ExcelCell.Empty;
            }

            return RagStatusWords.TryParseWord(text, out var status)
                ? ExcelCell.Text(status.ToWord(), ExcelCellStyle.Rag(status))
                : ExcelCell.Text(text);
        });

    private ExcelSheet<T> Add(string header, double? width, double typicalWidth, Func<T, ExcelCell> cell)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        if (_columns.Count == ExcelCellReference.MaxColumns)
        {
            throw new InvalidOperationException($"Excel sheets hold at most {ExcelCellReference.MaxColumns:N0} columns.");
        }

        if (width is { } given && (double.IsNaN(given) || given <= 0 || given > 255))
        {
            throw new ArgumentOutOfRangeException(nameof(width), given, "Excel column widths are between 0 and 255 characters.");
        }

        var chosen = width ?? Math.Clamp(Math.Max(header.Length + FilterButtonWidth, typicalWidth), MinWidth, MaxWidth);
        _columns.Add(new ExcelColumn<T>(header, chosen, cell));
        return this;
    }

    private static int CheckDecimalPlaces(int decimalPlaces)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimalPlaces);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimalPlaces, MaxDecimalPlaces);
        return decimalPlaces;
    }

    private static ExcelCell NumberCell(decimal? value, ExcelCellStyle style) =>
        value is { } number ? ExcelCell.Number(number.ToString(CultureInfo.InvariantCulture), style) : ExcelCell.Empty;

    // Excel has no way to store NaN or infinity; an empty cell is more honest than a made-up number.
    private static ExcelCell NumberCell(double? value, ExcelCellStyle style) =>
        value is { } number && double.IsFinite(number)
            ? ExcelCell.Number(number.ToString("R", CultureInfo.InvariantCulture), style)
            : ExcelCell.Empty;

    private static ExcelCell DateCell(DateOnly? value)
    {
        if (value is not { } date)
        {
            return ExcelCell.Empty;
        }

        return ExcelDate.CanWrite(date)
            ? ExcelCell.Number(ExcelDate.ToSerial(date).ToString(CultureInfo.InvariantCulture), ExcelCellStyle.Date)
            : ExcelCell.Text(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    private static ExcelCell DateTimeCell(DateTime? value, bool includeTime)
    {
        if (value is not { } dateTime)
        {
            return ExcelCell.Empty;
        }

        if (!includeTime)
        {
            return DateCell(DateOnly.FromDateTime(dateTime));
        }

        return ExcelDate.CanWrite(DateOnly.FromDateTime(dateTime))
            ? ExcelCell.Number(ExcelDate.ToSerial(dateTime).ToString("R", CultureInfo.InvariantCulture), ExcelCellStyle.DateTime)
            : ExcelCell.Text(dateTime.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
    }
}
