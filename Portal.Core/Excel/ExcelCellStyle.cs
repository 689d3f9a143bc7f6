using Portal.Core.Rag;

namespace Portal.Core.Excel;

/// <summary>
/// How one kind of cell looks. Records compare by value, so the style sheet can hand out one
/// cell format per distinct look however many cells use it.
/// </summary>
internal sealed record ExcelCellStyle(
    string? NumberFormat = null,
    bool Bold = false,
    string? FillHex = null,
    string? FontHex = null,
    bool BottomBorder = false)
{
    public static readonly ExcelCellStyle Plain = new();

    public static readonly ExcelCellStyle Header = new(Bold: true, FillHex: "D9E1F2", BottomBorder: true);

    public static readonly ExcelCellStyle Section = new(Bold: true, FillHex: "EDEDED");

    /// <summary>Written out explicitly because Excel's built-in date format follows the reader's locale (m/d/yyyy in the US).</summary>
    public static readonly ExcelCellStyle Date = new("dd/mm/yyyy");

    public static readonly ExcelCellStyle DateTime = new("dd/mm/yyyy hh:mm");

    public static readonly ExcelCellStyle WholeNumber = new("#,##0");

    public static ExcelCellStyle Number(int decimalPlaces) =>
        new(decimalPlaces == 0 ? "#,##0" : "#,##0." + new string('0', decimalPlaces));

    public static ExcelCellStyle Percentage(int decimalPlaces) =>
        new((decimalPlaces == 0 ? "0" : "0." + new string('0', decimalPlaces)) + "%");

    public static ExcelCellStyle Rag(RagStatus status) => RagStyles[(int)status];

    private static readonly ExcelCellStyle[] RagStyles =
        Enum.GetValues<RagStatus>().Select(s => new ExcelCellStyle(FillHex: s.FillHex(), FontHex: s.TextHex())).ToArray();
}
