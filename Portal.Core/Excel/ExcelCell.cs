namespace Portal.Core.Excel;

internal enum ExcelCellKind
{
    Empty,
    Text,
    Number,
}

/// <summary>
/// One cell ready to write: text that is already neutralised and XML-safe, or a number already
/// formatted in invariant culture (dates are numbers too, with a date style).
/// </summary>
internal readonly record struct ExcelCell(ExcelCellKind Kind, string? Value, ExcelCellStyle Style)
{
    public static readonly ExcelCell Empty = new(ExcelCellKind.Empty, null, ExcelCellStyle.Plain);

    public static ExcelCell Text(string? value, ExcelCellStyle? style = null) =>
        string.IsNullOrEmpty(value)
            ? Empty
            : new(ExcelCellKind.Text, XmlText.ForCell(SpreadsheetText.Neutralise(value)), style ?? ExcelCellStyle.Plain);

    public static ExcelCell Number(string value, ExcelCellStyle style) => new(ExcelCellKind.Number, value, style);
}
