using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Core.Excel;

/// <summary>
/// Writes one worksheet part with the Open XML SDK's <see cref="OpenXmlWriter"/>, a row at a time:
/// nothing of the sheet's data is kept once it has been written.
/// </summary>
internal sealed class WorksheetStreamWriter : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // The writer only reads the element's name from these, so one instance of each serves every cell.
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly InlineString _inlineString = new();
    private readonly Text _text = new();

    private readonly List<OpenXmlAttribute> _attributes = new(3);
    private readonly Stream _partStream;
    private readonly OpenXmlWriter _writer;
    private readonly ExcelStyleSheet _styles;
    private readonly string[] _columnLetters;
    private readonly uint _sectionStyle;

    /// <summary>Takes ownership of <paramref name="partStream"/>.</summary>
    public WorksheetStreamWriter(Stream partStream, ExcelStyleSheet styles, int columnCount)
    {
        _partStream = partStream;
        _writer = OpenXmlWriter.Create(partStream);
        _styles = styles;
        _columnLetters = Enumerable.Range(0, columnCount).Select(ExcelCellReference.ColumnLetters).ToArray();
        _sectionStyle = styles.IndexOf(ExcelCellStyle.Section);
    }

    /// <summary>Row number of the last row written; 1 after the header.</summary>
    public int LastRowNumber { get; private set; }

    public string LastColumnLetters => _columnLetters[^1];

    public void WriteStart(IReadOnlyList<double> widths, bool selected)
    {
        _writer.WriteStartDocument();
        _writer.WriteStartElement(
            new Worksheet(),
            [],
            [new KeyValuePair<string, string>("r", RelationshipsNamespace)]);

        // Freezing the pane below the header keeps the column names in view while scrolling.
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
            TabSelected = selected ? true : null,
        }));

        _writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });

        var columns = new Columns();
        for (var i = 0; i < widths.Count; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
        }

        _writer.WriteElement(columns);
        _writer.WriteStartElement(new SheetData());
    }

    public void WriteHeader(IReadOnlyList<string> headers)
    {
        var style = _styles.IndexOf(ExcelCellStyle.Header);
        StartRow();
        for (var i = 0; i < headers.Count; i++)
        {
            WriteCell(i, ExcelCell.Text(headers[i], ExcelCellStyle.Header), style);
        }

        EndRow();
    }

    /// <summary>
    /// A heading across the whole width: the text sits in column A and the shading runs over
    /// every column. Cells are not merged, because merged cells stop people sorting and filtering.
    /// </summary>
    public void WriteSection(string heading)
    {
        StartRow();
        WriteCell(0, ExcelCell.Text(heading, ExcelCellStyle.Section), _sectionStyle);
        for (var i = 1; i < _columnLetters.Length; i++)
        {
            _attributes.Clear();
            _attributes.Add(new OpenXmlAttribute("r", string.Empty, CellReference(i)));
            _attributes.Add(new OpenXmlAttribute("s", string.Empty, _sectionStyle.ToString(CultureInfo.InvariantCulture)));
            _writer.WriteStartElement(_cell, _attributes);
            _writer.WriteEndElement();
        }

        EndRow();
    }

    public void StartRow()
    {
        if (LastRowNumber == ExcelCellReference.MaxRows)
        {
            throw new InvalidOperationException(
                $"A sheet can hold at most {ExcelCellReference.MaxRows:N0} rows in Excel; split the export into several sheets or files.");
        }

        LastRowNumber++;
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, LastRowNumber.ToString(CultureInfo.InvariantCulture)));
        _writer.WriteStartElement(_row, _attributes);
    }

    public void WriteCell(int columnIndex, ExcelCell cell) =>
        WriteCell(columnIndex, cell, cell.Kind == ExcelCellKind.Empty ? 0 : _styles.IndexOf(cell.Style));

    public void EndRow() => _writer.WriteEndElement();

    public void WriteEnd()
    {
        _writer.WriteEndElement(); // sheetData
        _writer.WriteElement(new AutoFilter { Reference = $"A1:{LastColumnLetters}{LastRowNumber.ToString(CultureInfo.InvariantCulture)}" });
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
    }

    /// <summary>Closes the part too: the zip accepts the next part only once this one is closed.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _partStream.Dispose();
    }

    private void WriteCell(int columnIndex, ExcelCell cell, uint style)
    {
        if (cell.Kind == ExcelCellKind.Empty)
        {
            return;
        }

        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, CellReference(columnIndex)));
        if (style != 0)
        {
            _attributes.Add(new OpenXmlAttribute("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)));
        }

        if (cell.Kind == ExcelCellKind.Number)
        {
            _writer.WriteStartElement(_cell, _attributes);
            _writer.WriteStartElement(_value);
            _writer.WriteString(cell.Value!);
            _writer.WriteEndElement();
            _writer.WriteEndElement();
            return;
        }

        // Inline strings, not the shared-string table: a shared table would have to be held in
        // memory until the end of the workbook, defeating streaming.
        _attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
        _writer.WriteStartElement(_cell, _attributes);
        _writer.WriteStartElement(_inlineString);
        var text = cell.Value!;
        if (NeedsPreservedSpace(text))
        {
            _writer.WriteStartElement(_text, [new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve")]);
        }
        else
        {
            _writer.WriteStartElement(_text);
        }

        _writer.WriteString(text);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private string CellReference(int columnIndex) =>
        _columnLetters[columnIndex] + LastRowNumber.ToString(CultureInfo.InvariantCulture);

    private static bool NeedsPreservedSpace(string text) =>
        char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n') || text.Contains('\t');
}
