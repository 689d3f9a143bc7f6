using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Core.Excel;

/// <summary>
/// Collects the looks the sheets ask for and writes styles.xml once every sheet is done, so a
/// workbook only carries the formats it uses (a column with three decimal places adds one).
/// </summary>
internal sealed class ExcelStyleSheet
{
    private const uint FirstCustomNumberFormatId = 164;

    // Excel's built-in number formats: using their ids keeps the file identical to what Excel writes.
    private static readonly Dictionary<string, uint> BuiltInNumberFormats = new(StringComparer.Ordinal)
    {
        ["0"] = 1,
        ["0.00"] = 2,
        ["#,##0"] = 3,
        ["#,##0.00"] = 4,
        ["0%"] = 9,
        ["0.00%"] = 10,
    };

    private readonly List<ExcelCellStyle> _styles = [ExcelCellStyle.Plain];
    private readonly Dictionary<ExcelCellStyle, uint> _indexes = new() { [ExcelCellStyle.Plain] = 0 };

    /// <summary>The cellXfs index (the s attribute of a cell) for a look.</summary>
    public uint IndexOf(ExcelCellStyle style)
    {
        if (!_indexes.TryGetValue(style, out var index))
        {
            index = (uint)_styles.Count;
            _styles.Add(style);
            _indexes.Add(style, index);
        }

        return index;
    }

    public Stylesheet Build()
    {
        var numberFormats = new List<NumberingFormat>();
        var numberFormatIds = new Dictionary<string, uint>(StringComparer.Ordinal);
        var fonts = new List<(bool Bold, string? Hex)> { (false, null) };
        var fills = new List<string?> { null };
        var cellFormats = new List<CellFormat>();

        foreach (var style in _styles)
        {
            var numberFormatId = NumberFormatId(style.NumberFormat, numberFormats, numberFormatIds);
            var fontId = IndexOrAdd(fonts, (style.Bold, style.FontHex));
            // Fill 1 is the gray125 pattern Excel insists on, so real fills start at 2.
            var fillId = style.FillHex is null ? 0 : IndexOrAdd(fills, style.FillHex) + 1;
            var borderId = style.BottomBorder ? 1u : 0u;

            cellFormats.Add(new CellFormat
            {
                NumberFormatId = numberFormatId,
                FontId = (uint)fontId,
                FillId = (uint)fillId,
                BorderId = borderId,
                FormatId = 0,
                ApplyNumberFormat = numberFormatId != 0 ? true : null,
                ApplyFont = fontId != 0 ? true : null,
                ApplyFill = fillId != 0 ? true : null,
                ApplyBorder = borderId != 0 ? true : null,
            });
        }

        var stylesheet = new Stylesheet();
        if (numberFormats.Count > 0)
        {
            stylesheet.Append(new NumberingFormats(numberFormats) { Count = (uint)numberFormats.Count });
        }

        stylesheet.Append(
            new Fonts(fonts.Select(f => Font(f.Bold, f.Hex))) { Count = (uint)fonts.Count },
            new Fills(FillElements(fills)) { Count = (uint)fills.Count + 1 },
            new Borders(EmptyBorder(), BottomBorder()) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(cellFormats) { Count = (uint)cellFormats.Count },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        return stylesheet;
    }

    private static uint NumberFormatId(string? code, List<NumberingFormat> custom, Dictionary<string, uint> ids)
    {
        if (code is null)
        {
            return 0;
        }

        if (BuiltInNumberFormats.TryGetValue(code, out var builtIn))
        {
            return builtIn;
        }

        if (!ids.TryGetValue(code, out var id))
        {
            id = FirstCustomNumberFormatId + (uint)custom.Count;
            ids.Add(code, id);
            custom.Add(new NumberingFormat { NumberFormatId = id, FormatCode = code });
        }

        return id;
    }

    private static int IndexOrAdd<TItem>(List<TItem> items, TItem item)
    {
        var index = items.IndexOf(item);
        if (index >= 0)
        {
            return index;
        }

        items.Add(item);
        return items.Count - 1;
    }

    private static Font Font(bool bold, string? hex)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 11 });
        font.Append(hex is null ? new Color { Theme = 1 } : new Color { Rgb = Argb(hex) });
        font.Append(new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static IEnumerable<Fill> FillElements(List<string?> fills)
    {
        yield return new Fill(new PatternFill { PatternType = PatternValues.None });
        yield return new Fill(new PatternFill { PatternType = PatternValues.Gray125 });
        foreach (var hex in fills.Skip(1))
        {
            yield return new Fill(new PatternFill(
                new ForegroundColor { Rgb = Argb(hex!) },
                new BackgroundColor { Indexed = 64 })
            { PatternType = PatternValues.Solid });
        }
    }

    private static Border EmptyBorder() =>
        new(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder());

    private static Border BottomBorder() =>
        new(
            new LeftBorder(),
            new RightBorder(),
            new TopBorder(),
            new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());

    private static HexBinaryValue Argb(string hex) => new("FF" + hex);
}
