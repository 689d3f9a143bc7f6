using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Portal.Core.Excel;
using Portal.Core.Rag;
using Xunit;
using static Portal.Tests.Core.Excel.SampleRows;

namespace Portal.Tests.Core.Excel;

public sealed class ExcelWorkbookWriterTests : IClassFixture<TwoSheetWorkbook>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("portal-excel-").FullName;
    private readonly TwoSheetWorkbook _twoSheets;

    public ExcelWorkbookWriterTests(TwoSheetWorkbook twoSheets) => _twoSheets = twoSheets;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_two_sheet_workbook_reads_back_in_openpyxl_with_real_values_types_and_formats()
    {
        var book = _twoSheets.Book;

        Assert.Equal(["Cases", "Action plan"], book.SheetTitles);

        var score = book.Cell("Cases", "C2");
        Assert.Equal("n", score.GetProperty("type").GetString());
        Assert.Equal(12.5, score.GetProperty("value").GetDouble());
        Assert.Equal("#,##0.0", score.GetProperty("format").GetString());

        var negative = book.Cell("Cases", "C5");
        Assert.Equal(-3, negative.GetProperty("value").GetDouble());

        var compliance = book.Cell("Cases", "D2");
        Assert.Equal("n", compliance.GetProperty("type").GetString());
        Assert.Equal(0.875, compliance.GetProperty("value").GetDouble());
        Assert.Equal("0.0%", compliance.GetProperty("format").GetString());

        var visits = book.Cell("Cases", "E3");
        Assert.Equal("n", visits.GetProperty("type").GetString());
        Assert.Equal(12_345, visits.GetProperty("value").GetInt32());
        Assert.Equal("#,##0", visits.GetProperty("format").GetString());

        var workDate = book.Cell("Cases", "F2");
        Assert.Equal("d", workDate.GetProperty("type").GetString());
        Assert.Equal("2026-03-31T00:00:00", workDate.GetProperty("value").GetString());
        Assert.Equal("dd/mm/yyyy", workDate.GetProperty("format").GetString());

        var logged = book.Cell("Cases", "G2");
        Assert.Equal("d", logged.GetProperty("type").GetString());
        Assert.Equal("2026-03-31T14:30:00", logged.GetProperty("value").GetString());
        Assert.Equal("dd/mm/yyyy hh:mm", logged.GetProperty("format").GetString());

        var closed = book.Cell("Cases", "H2");
        Assert.Equal("d", closed.GetProperty("type").GetString());
        Assert.Equal("2026-04-02T00:00:00", closed.GetProperty("value").GetString());

        var due = book.Cell("Action plan", "C3");
        Assert.Equal("d", due.GetProperty("type").GetString());
        Assert.Equal("2026-05-01T00:00:00", due.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("I2", "Red", "FFFFC7CE", "FF9C0006")]
    [InlineData("I3", "Green", "FFC6EFCE", "FF006100")]
    [InlineData("I4", "Amber", "FFFFEB9C", "FF7F4700")]
    [InlineData("I5", "Complete", "FFBDD7EE", "FF1F3864")]
    [InlineData("J2", "Amber", "FFFFEB9C", "FF7F4700")]
    [InlineData("J3", "Complete", "FFBDD7EE", "FF1F3864")]
    [InlineData("J4", "Green", "FFC6EFCE", "FF006100")]
    public void A_RAG_cell_holds_its_word_with_the_matching_fill_and_dark_text(string reference, string word, string fill, string font)
    {
        var book = _twoSheets.Book;

        var cell = book.Cell("Cases", reference);
        Assert.Equal("s", cell.GetProperty("type").GetString());
        Assert.Equal(word, cell.GetProperty("value").GetString());
        Assert.Equal(fill, cell.GetProperty("fill").GetString());
        Assert.Equal(font, cell.GetProperty("font").GetString());
    }

    [Theory]
    [InlineData("Cases", "B2", "'=SUM(A1)")]
    [InlineData("Cases", "B3", "'+44 1234")]
    [InlineData("Cases", "A4", "'-5")]
    [InlineData("Cases", "B4", "'@cmd")]
    [InlineData("Cases", "A5", "'\tx")]
    [InlineData("Cases", "B5", "'\ncarriage")] // XML reads every CR as LF, so the writer writes LF
    [InlineData("Action plan", "A6", "'=HYPERLINK(\"http://evil\")")]
    public void A_text_cell_starting_with_a_formula_character_comes_back_as_text_starting_with_a_quote(string sheet, string reference, string expected)
    {
        var book = _twoSheets.Book;

        var cell = book.Cell(sheet, reference);
        Assert.Equal("s", cell.GetProperty("type").GetString());
        Assert.Equal(expected, cell.GetProperty("value").GetString());
    }

    [Fact]
    public void Ordinary_text_is_written_unchanged()
    {
        var book = _twoSheets.Book;

        Assert.Equal("C-001", book.Cell("Cases", "A2").GetProperty("value").GetString());
        Assert.Equal("Agree a crisis plan", book.Cell("Action plan", "A3").GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("Cases", "A1:J6")]
    [InlineData("Action plan", "A1:C6")]
    public void Every_sheet_has_its_header_frozen_and_an_autofilter_over_the_data(string sheet, string filterRange)
    {
        var book = _twoSheets.Book;

        Assert.Equal("A2", book.Sheet(sheet).GetProperty("freeze_panes").GetString());
        Assert.Equal(filterRange, book.Sheet(sheet).GetProperty("auto_filter").GetString());
    }

    [Fact]
    public void The_header_row_is_bold_and_shaded_and_holds_the_column_names()
    {
        var book = _twoSheets.Book;

        var header = book.Cell("Cases", "F1");
        Assert.Equal("Date of work", header.GetProperty("value").GetString());
        Assert.True(header.GetProperty("bold").GetBoolean());
        Assert.Equal("FFD9E1F2", header.GetProperty("fill").GetString());
        Assert.False(book.Cell("Cases", "F2").GetProperty("bold").GetBoolean());
    }

    [Fact]
    public void Null_values_give_empty_cells()
    {
        var book = _twoSheets.Book;

        foreach (var column in "BCDEFGHIJ")
        {
            Assert.Equal(JsonValueKind.Null, book.Cell("Cases", $"{column}6").GetProperty("value").ValueKind);
        }

        Assert.Equal("C-005", book.Cell("Cases", "A6").GetProperty("value").GetString());
    }

    [Fact]
    public void A_section_row_holds_its_heading_in_bold_shaded_across_every_column()
    {
        var book = _twoSheets.Book;

        var heading = book.Cell("Action plan", "A2");
        Assert.Equal("1. Access to support before crisis point", heading.GetProperty("value").GetString());
        Assert.True(heading.GetProperty("bold").GetBoolean());
        foreach (var column in "ABC")
        {
            Assert.Equal("FFEDEDED", book.Cell("Action plan", $"{column}5").GetProperty("fill").GetString());
        }

        Assert.Equal("2. Urgent and emergency access", book.Cell("Action plan", "A5").GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, book.Cell("Action plan", "B2").GetProperty("value").ValueKind);
        Assert.Equal("Complete", book.Cell("Action plan", "B4").GetProperty("value").GetString());
    }

    [Fact]
    public void A_given_column_width_is_used_and_others_fit_their_header()
    {
        var book = _twoSheets.Book;

        var widths = book.Sheet("Cases").GetProperty("widths");
        Assert.Equal(40, widths.GetProperty("B").GetDouble());
        Assert.True(widths.GetProperty("A").GetDouble() >= "Case reference".Length);
    }

    [Fact]
    public void The_workbook_passes_the_Open_XML_SDK_validator()
    {
        var path = _twoSheets.Path;

        using var document = SpreadsheetDocument.Open(path, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.Empty(errors);
        Assert.Equal(2, document.WorkbookPart!.WorksheetParts.Count());
    }

    [Fact]
    public async Task Writing_to_a_non_seekable_response_body_uses_only_asynchronous_writes()
    {
        var body = new ResponseBodyLikeStream();

        await using (var workbook = new ExcelWorkbookWriter(body))
        {
            await workbook.AddSheetAsync(CasesSheet(), Cases);
            await workbook.CompleteAsync();
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(body.ToArray()), false);
        Assert.Single(document.WorkbookPart!.WorksheetParts);
    }

    [Fact]
    public async Task Rows_reach_the_output_while_the_sheet_is_still_being_written()
    {
        var body = new ResponseBodyLikeStream();
        long bytesSentBeforeLastRow = 0;

        IEnumerable<CaseLine> ManyRows()
        {
            for (var i = 0; i < 50_000; i++)
            {
                yield return Cases[i % Cases.Length] with { Reference = $"C-{i:D6}-{Guid.NewGuid()}" };
            }

            bytesSentBeforeLastRow = body.BytesReceived;
        }

        await using var workbook = new ExcelWorkbookWriter(body);
        await workbook.AddSheetAsync(CasesSheet(), ManyRows());
        await workbook.CompleteAsync();

        Assert.True(bytesSentBeforeLastRow > 10 * ExcelWorkbookWriter.FlushThresholdBytes, $"only {bytesSentBeforeLastRow} bytes were sent before the last row");
    }

    [Fact]
    public async Task Rows_can_come_from_an_async_stream()
    {
        static async IAsyncEnumerable<CaseLine> Rows()
        {
            foreach (var line in Cases)
            {
                await Task.Yield();
                yield return line;
            }
        }

        var path = Path.Combine(_directory, "async.xlsx");
        await using (var file = File.Create(path))
        await using (var workbook = new ExcelWorkbookWriter(file))
        {
            await workbook.AddSheetAsync(CasesSheet(), Rows());
            await workbook.CompleteAsync();
        }

        var book = WorkbookReadBack.Read(path);
        Assert.Equal(6, book.Sheet("Cases").GetProperty("max_row").GetInt32());
        Assert.Equal("C-005", book.Cell("Cases", "A6").GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_workbook_left_without_CompleteAsync_is_not_a_readable_file()
    {
        var output = new MemoryStream();
        await using (var workbook = new ExcelWorkbookWriter(output))
        {
            await workbook.AddSheetAsync(CasesSheet(), Cases);
        }

        Assert.ThrowsAny<Exception>(() => SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false));
    }

    [Fact]
    public async Task A_failure_while_reading_rows_stops_the_workbook()
    {
        IEnumerable<CaseLine> Failing()
        {
            yield return Cases[0];
            throw new TimeoutException("database went away");
        }

        await using var workbook = new ExcelWorkbookWriter(new MemoryStream());
        await Assert.ThrowsAsync<TimeoutException>(() => workbook.AddSheetAsync(CasesSheet(), Failing()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => workbook.CompleteAsync());
        Assert.Contains("earlier error", error.Message);
    }

    [Fact]
    public async Task Completing_a_workbook_without_sheets_is_refused()
    {
        await using var workbook = new ExcelWorkbookWriter(new MemoryStream());

        await Assert.ThrowsAsync<InvalidOperationException>(() => workbook.CompleteAsync());
    }

    [Fact]
    public async Task Two_sheets_with_the_same_name_are_refused()
    {
        await using var workbook = new ExcelWorkbookWriter(new MemoryStream());
        await workbook.AddSheetAsync(ActionSheet(), ActionPlan());

        var sameNameOtherCase = new ExcelSheet<ActionLine>("ACTION PLAN").Text("Action", a => a.Action);
        await Assert.ThrowsAsync<ArgumentException>(() => workbook.AddSheetAsync(sameNameOtherCase, Array.Empty<ActionLine>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Cases: March")]
    [InlineData("A/B")]
    [InlineData("This sheet name is far too long for Excel")]
    [InlineData("'quoted'")]
    [InlineData("History")]
    public void An_invalid_sheet_name_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new ExcelSheet<CaseLine>(name));
    }

    [Theory]
    [InlineData("Cases: March [draft]", "Cases  March  draft")]
    [InlineData("North/East Provider Services Limited", "North East Provider Services Li")]
    [InlineData("???", "Sheet")]
    public void Any_text_can_be_cleaned_into_a_valid_sheet_name(string text, string expected)
    {
        var cleaned = ExcelSheetName.Clean(text);

        Assert.Equal(expected, cleaned);
        Assert.Null(ExcelSheetName.Problem(cleaned));
    }

    [Fact]
    public async Task Control_characters_that_XML_cannot_hold_are_dropped_instead_of_breaking_the_file()
    {
        var path = Path.Combine(_directory, "control.xlsx");
        await using (var file = File.Create(path))
        await using (var workbook = new ExcelWorkbookWriter(file))
        {
            var sheet = new ExcelSheet<string>("Notes").Text("Note", s => s);
            await workbook.AddSheetAsync(sheet, ["Pasted\u000Bfrom\u0001Word", "Keeps emoji 😀 and line\r\nbreaks"]);
            await workbook.CompleteAsync();
        }

        var book = WorkbookReadBack.Read(path);
        Assert.Equal("PastedfromWord", book.Cell("Notes", "A2").GetProperty("value").GetString());
        Assert.Equal("Keeps emoji 😀 and line\nbreaks", book.Cell("Notes", "A3").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Text_longer_than_an_Excel_cell_allows_is_cut_to_32767_characters()
    {
        var path = Path.Combine(_directory, "long.xlsx");
        await using (var file = File.Create(path))
        await using (var workbook = new ExcelWorkbookWriter(file))
        {
            var sheet = new ExcelSheet<string>("Notes").Text("Note", s => s);
            await workbook.AddSheetAsync(sheet, [new string('x', 40_000)]);
            await workbook.CompleteAsync();
        }

        var book = WorkbookReadBack.Read(path);
        Assert.Equal(32_767, book.Cell("Notes", "A2").GetProperty("value").GetString()!.Length);
    }

    [Fact]
    public async Task Numbers_Excel_cannot_store_and_dates_it_cannot_show_are_not_written_as_wrong_values()
    {
        var path = Path.Combine(_directory, "edges.xlsx");
        await using (var file = File.Create(path))
        await using (var workbook = new ExcelWorkbookWriter(file))
        {
            var sheet = new ExcelSheet<(double Number, DateOnly Date)>("Edges")
                .Number("Number", r => r.Number)
                .Date("Date", r => r.Date);
            await workbook.AddSheetAsync(sheet, [(double.NaN, new DateOnly(1899, 1, 1)), (double.PositiveInfinity, new DateOnly(1900, 3, 1))]);
            await workbook.CompleteAsync();
        }

        var book = WorkbookReadBack.Read(path);
        Assert.Equal(JsonValueKind.Null, book.Cell("Edges", "A2").GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, book.Cell("Edges", "A3").GetProperty("value").ValueKind);
        Assert.Equal("01/01/1899", book.Cell("Edges", "B2").GetProperty("value").GetString());
        Assert.Equal("1900-03-01T00:00:00", book.Cell("Edges", "B3").GetProperty("value").GetString());
    }
}
