using Portal.Core.Excel;
using Portal.Core.Import;
using Portal.Tests.Core.Excel;
using Xunit;

namespace Portal.Tests.Core.Import;

public sealed class XlsxImportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("portal-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ExcelSheet<CaseImport> ExportSheet() => new ExcelSheet<CaseImport>("Cases")
        .Text("Case reference", c => c.Reference)
        .Date("Date of work", c => c.WorkDate)
        .Text("Team", c => c.Team.ToLowerInvariant())
        .Number("Score", c => c.Score)
        .WholeNumber("Visits", c => c.Visits)
        .Text("Escalated", c => c.Escalated switch { true => "Yes", false => "No", null => null })
        .Text("Notes", c => c.Notes);

    private static readonly CaseImport[] Exported =
    [
        new("C-1", new DateOnly(2026, 3, 31), "North", 12.5m, 3, true, "=SUM(A1)"),
        new("C-2", new DateOnly(2025, 12, 1), "South", 0.1m, 0, false, "-5"),
        new("-7", new DateOnly(2026, 1, 9), "East", null, null, null, null),
    ];

    [Fact]
    public async Task A_workbook_written_by_the_exporter_reads_back_as_the_same_rows()
    {
        var file = await ImportTestFiles.XlsxAsync(ExportSheet(), Exported);

        var preview = await CaseImport.ReadAsync(file);

        Assert.Empty(preview.AllErrors);
        Assert.Equal(Exported, preview.ValidItems);
        Assert.Equal([2, 3, 4], preview.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public async Task A_section_row_in_an_exported_sheet_is_read_as_a_row_with_missing_values()
    {
        var sheet = new ExcelSheet<CaseImport>("Cases")
            .Text("Case reference", c => c.Reference)
            .Date("Date of work", c => c.WorkDate)
            .Text("Team", c => c.Team);
        var output = new MemoryStream();
        await using (var workbook = new ExcelWorkbookWriter(output))
        {
            await workbook.AddSheetAsync(sheet, new ExcelRow<CaseImport>[] { ExcelRow<CaseImport>.Section("Section 1"), Exported[0] });
            await workbook.CompleteAsync();
        }

        var preview = await CaseImport.ReadAsync(ImportTestFiles.Bytes(output.ToArray(), "plan.xlsx"));

        Assert.Equal(
            ["Row 2: 'Date of work' is required.", "Row 2: 'Team' is required."],
            preview.AllErrors);
        Assert.Equal([Exported[0] with { Score = null, Visits = null, Escalated = null, Notes = null }], preview.ValidItems);
    }

    private const string OpenPyxlWorkbook = """
        import datetime, sys
        import openpyxl

        book = openpyxl.Workbook()
        notes = book.active
        notes.title = "Read me"
        notes["A1"] = "Fill in the Cases sheet."

        cases = book.create_sheet("Cases")
        cases.append([" case REFERENCE ", "Date of work", "TEAM", "Score", "Visits", "Escalated", "Notes", "Our own column"])
        cases.append(["C-1", datetime.datetime(2026, 3, 31), "north", 12.5, 3, True, "Shared text", "ignored"])
        cases.append(["C-2", 46112, "South", "7", "4", False, "Shared text", None])
        cases.append([None, None, None, None, None, None, None, None])
        cases.append(["C-3", "1/4/2026", "East", None, None, "no", None, None])

        formats = book.create_sheet("Formats")
        formats.append(["Value", "Format"])
        for code in ["dd/mm/yyyy", "d mmm yyyy", "[$-809]dd mmmm yyyy", "[h]:mm", "0.00", "0.00E+00", "[Red]0", "#,##0", "General", '"day "0']:
            formats.append([46112, code])
            formats.cell(row=formats.max_row, column=1).number_format = code

        book.save(sys.argv[1])
        """;

    private async Task<ImportFile> OpenPyxlFileAsync()
    {
        var path = Path.Combine(_directory, "from-openpyxl.xlsx");
        OpenPyxl.Run(OpenPyxlWorkbook, path);
        return ImportTestFiles.Bytes(await File.ReadAllBytesAsync(path), "from-openpyxl.xlsx");
    }

    [Fact]
    public async Task A_workbook_made_by_another_program_is_read_from_the_named_sheet()
    {
        var preview = await CaseImport.ReadAsync(await OpenPyxlFileAsync(), CaseImport.Schema().FromSheet("cases"));

        Assert.Empty(preview.AllErrors);
        Assert.Equal(
            [
                new CaseImport("C-1", new DateOnly(2026, 3, 31), "North", 12.5m, 3, true, "Shared text"),
                new CaseImport("C-2", new DateOnly(2026, 3, 31), "South", 7m, 4, false, "Shared text"),
                new CaseImport("C-3", new DateOnly(2026, 4, 1), "East", null, null, false, null),
            ],
            preview.ValidItems);
        Assert.Equal([2, 3, 5], preview.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public async Task Without_a_sheet_name_the_first_sheet_is_read()
    {
        var preview = await CaseImport.ReadAsync(await OpenPyxlFileAsync());

        Assert.Equal(
            ["The required columns 'Case reference', 'Date of work' and 'Team' are missing from the header row (row 1). Check they are spelled as in the template."],
            preview.FileErrors);
    }

    [Fact]
    public async Task A_missing_named_sheet_is_reported_with_the_sheets_there_are()
    {
        var preview = await CaseImport.ReadAsync(await OpenPyxlFileAsync(), CaseImport.Schema().FromSheet("Providers"));

        Assert.Equal(["The workbook has no sheet called 'Providers'. Its sheets are: Read me, Cases, Formats."], preview.FileErrors);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task A_number_is_read_as_a_date_only_when_its_cell_format_shows_a_date()
    {
        var schema = new ImportSchema().FromSheet("Formats").Text("Value").Text("Format");

        var preview = await SpreadsheetImporter.ReadAsync(await OpenPyxlFileAsync(), schema);

        var shown = preview.ValidItems.ToDictionary(r => r.Text("Format")!, r => r.Text("Value"));
        Assert.Equal("31/03/2026", shown["dd/mm/yyyy"]);
        Assert.Equal("31/03/2026", shown["d mmm yyyy"]);
        Assert.Equal("31/03/2026", shown["[$-809]dd mmmm yyyy"]);
        Assert.Equal("31/03/2026", shown["[h]:mm"]);
        Assert.Equal("46112", shown["0.00"]);
        Assert.Equal("46112", shown["0.00E+00"]);
        Assert.Equal("46112", shown["[Red]0"]);
        Assert.Equal("46112", shown["#,##0"]);
        Assert.Equal("46112", shown["General"]);
        Assert.Equal("46112", shown["\"day \"0"]);
    }

    [Fact]
    public async Task A_file_that_is_not_really_a_workbook_gets_a_plain_English_error()
    {
        var file = ImportTestFiles.Bytes("Case reference,Date of work\nC-1,31/03/2026\n"u8.ToArray(), "renamed.xlsx");

        var preview = await CaseImport.ReadAsync(file);

        Assert.Equal(
            ["The file could not be read as an Excel workbook. Check that it opens in Excel, save it again as an Excel Workbook (.xlsx), and try again."],
            preview.FileErrors);
    }

    [Fact]
    public async Task An_Excel_error_value_in_a_cell_is_explained()
    {
        var path = Path.Combine(_directory, "errors.xlsx");
        OpenPyxl.Run("""
            import datetime, sys
            import openpyxl
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.append(["Case reference", "Date of work", "Team", "Score"])
            sheet.append(["C-1", datetime.date(2026, 3, 31), "North", "#DIV/0!"])
            book.save(sys.argv[1])
            """, path);

        var preview = await CaseImport.ReadAsync(ImportTestFiles.Bytes(await File.ReadAllBytesAsync(path), "errors.xlsx"));

        Assert.Equal(["Row 2: 'Score' shows the Excel error #DIV/0!. Put a value in the cell instead."], preview.AllErrors);
    }

    [Fact]
    public async Task A_small_file_that_would_unpack_to_hundreds_of_megabytes_is_refused_before_it_is_opened()
    {
        var zipped = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(zipped, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        await using (var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 101; i++)
            {
                await entry.WriteAsync(zeros);
            }
        }

        Assert.True(zipped.Length < ImportLimits.MaxFileBytes);
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Bytes(zipped.ToArray(), "bomb.xlsx"));

        Assert.Equal(
            ["The workbook is too large to import once opened. Copy just the rows you need into a new workbook and try again."],
            preview.FileErrors);
    }
}
