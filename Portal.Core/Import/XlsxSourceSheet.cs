using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Core.Excel;

namespace Portal.Core.Import;

/// <summary>
/// Reads one worksheet of an .xlsx with the Open XML SDK's <see cref="OpenXmlReader"/>, a row
/// at a time. The shared-string table and the cell formats are read first because cells refer
/// to them by number.
/// </summary>
internal sealed class XlsxSourceSheet : ISourceSheet
{
    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _worksheet;
    private readonly IReadOnlyList<string> _sharedStrings;
    private readonly IReadOnlyList<bool> _dateStyles;

    private XlsxSourceSheet(SpreadsheetDocument document, WorksheetPart worksheet, bool date1904)
    {
        _document = document;
        _worksheet = worksheet;
        Date1904 = date1904;
        var workbookPart = document.WorkbookPart!;
        _sharedStrings = ReadSharedStrings(workbookPart.SharedStringTablePart);
        _dateStyles = ExcelNumberFormats.DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
    }

    public bool Date1904 { get; }

    public static XlsxSourceSheet Open(Stream content, string? sheetName)
    {
        RefuseZipBombs(content);
        content.Position = 0;

        var document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = ImportLimits.MaxCharactersInPart });
        try
        {
            var workbookPart = document.WorkbookPart ?? throw new ImportFileException(ImportMessages.NoWorksheets);
            var workbook = workbookPart.Workbook;
            var sheets = workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var worksheets = sheets
                .Where(s => s.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart)
                .ToList();
            if (worksheets.Count == 0)
            {
                throw new ImportFileException(ImportMessages.NoWorksheets);
            }

            var chosen = sheetName is null
                ? worksheets[0]
                : worksheets.FirstOrDefault(s => ImportText.SameName(s.Name?.Value, sheetName))
                  ?? throw new ImportFileException(ImportMessages.SheetNotFound(sheetName, worksheets.Select(s => s.Name?.Value ?? string.Empty).ToList()));

            var date1904 = workbook.WorkbookProperties?.Date1904?.Value == true;
            return new XlsxSourceSheet(document, (WorksheetPart)workbookPart.GetPartById(chosen.Id!.Value!), date1904);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public IEnumerable<SourceRow> Rows()
    {
        using var reader = OpenXmlReader.Create(_worksheet);
        var previousRowNumber = 0;
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                var row = (Row)reader.LoadCurrentElement()!;
                previousRowNumber = row.RowIndex?.Value is { } index ? (int)index : previousRowNumber + 1;
                yield return new SourceRow(previousRowNumber, ReadCells(row));

                // LoadCurrentElement leaves the reader on the row's end tag; should it ever land on
                // the next row instead, reading on would skip that row.
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                {
                    continue;
                }
            }

            more = reader.Read();
        }
    }

    public void Dispose() => _document.Dispose();

    private List<SourceCell> ReadCells(Row row)
    {
        var cells = new List<SourceCell>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ExcelCellReference.ColumnIndex(cell.CellReference?.Value);
            if (column < 0)
            {
                column = cells.Count;
            }

            while (cells.Count <= column)
            {
                cells.Add(SourceCell.Empty);
            }

            cells[column] = ReadCell(cell);
        }

        return cells;
    }

    private SourceCell ReadCell(Cell cell)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;

        if (type == CellValues.InlineString)
        {
            return SourceCell.FromText(cell.InlineString is { } inline ? StringItemText(inline) : raw);
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < _sharedStrings.Count
                ? SourceCell.FromText(_sharedStrings[index])
                : SourceCell.Empty;
        }

        if (raw is null)
        {
            return SourceCell.Empty;
        }

        if (type == CellValues.String)
        {
            return SourceCell.FromText(raw);
        }

        if (type == CellValues.Boolean)
        {
            return new SourceCell(SourceCellKind.Boolean, raw, Boolean: raw.Trim() is "1" or "true");
        }

        if (type == CellValues.Error)
        {
            return new SourceCell(SourceCellKind.Error, raw);
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                ? new SourceCell(SourceCellKind.Date, raw, Date: iso)
                : SourceCell.FromText(raw);
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return SourceCell.FromText(raw);
        }

        var style = (int)(cell.StyleIndex?.Value ?? 0);
        if (style < _dateStyles.Count && _dateStyles[style]
            && ExcelDate.FromSerial(number, Date1904) is { } day)
        {
            var timeOfDay = TimeSpan.FromDays(number - Math.Floor(number));
            return new SourceCell(SourceCellKind.Date, raw, Number: number, Date: day.ToDateTime(TimeOnly.MinValue) + timeOfDay);
        }

        return new SourceCell(SourceCellKind.Number, raw, Number: number);
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(StringItemText((SharedStringItem)reader.LoadCurrentElement()!));
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                {
                    continue;
                }
            }

            more = reader.Read();
        }

        return strings;
    }

    /// <summary>
    /// Plain text of a string item: its own text or the text of its formatted runs. Phonetic
    /// guides (Japanese furigana) are not part of the value, so InnerText would be wrong.
    /// </summary>
    private static string StringItemText(OpenXmlCompositeElement item)
    {
        if (item.GetFirstChild<Text>() is { } text)
        {
            return text.Text;
        }

        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
    }

    private static void RefuseZipBombs(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (unpacked > ImportLimits.MaxUnpackedXlsxBytes)
                {
                    throw new ImportFileException(ImportMessages.TooBigWhenUnpacked);
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException(ImportMessages.NotAWorkbook);
        }
    }
}
