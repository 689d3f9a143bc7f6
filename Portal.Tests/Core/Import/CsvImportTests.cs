using System.Text;
using Portal.Core.Import;
using Xunit;

namespace Portal.Tests.Core.Import;

public sealed class CsvImportTests
{
    [Fact]
    public async Task A_csv_file_is_parsed_into_typed_values()
    {
        var csv = $"""
            {CaseImport.Header}
            C-1,31/03/2026,North,"1,234.50",3,Yes,"Said ""hello"", then left"
            C-2,1/4/2026,south,£7,0,n,
            C-3,2026-04-02,EAST,-0.5,,TRUE,=SUM(A1)
            """;

        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv(csv));

        Assert.Empty(preview.AllErrors);
        Assert.Equal(
            [
                new CaseImport("C-1", new DateOnly(2026, 3, 31), "North", 1234.50m, 3, true, "Said \"hello\", then left"),
                new CaseImport("C-2", new DateOnly(2026, 4, 1), "South", 7m, 0, false, null),
                new CaseImport("C-3", new DateOnly(2026, 4, 2), "East", -0.5m, null, true, "=SUM(A1)"),
            ],
            preview.ValidItems);
    }

    [Fact]
    public async Task Row_numbers_count_spreadsheet_rows_not_lines_so_a_cell_with_a_line_break_is_one_row()
    {
        var csv = $"""
            {CaseImport.Header}
            C-1,31/03/2026,North,,,,"First line
            second line"
            C-2,not a date,North,,,,
            """;

        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv(csv));

        Assert.Equal("First line\nsecond line", preview.Rows[0].Item!.Notes?.ReplaceLineEndings("\n"));
        Assert.Equal(["Row 3: 'Date of work' must be a date like 31/03/2026."], preview.AllErrors);
    }

    [Fact]
    public async Task Blank_rows_are_skipped_but_row_numbers_still_match_the_file()
    {
        var csv = $"{CaseImport.Header}\nC-1,31/03/2026,North,,,,\n,,,,,,\n\nC-2,31/03/2026,Team X,,,,\n";

        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv(csv));

        Assert.Equal([2, 5], preview.Rows.Select(r => r.RowNumber));
        Assert.Equal(["Row 5: 'Team' must be one of: North, South, East."], preview.AllErrors);
    }

    [Fact]
    public async Task A_UTF8_file_with_a_byte_order_mark_keeps_its_first_column_name()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{CaseImport.Header}\nC-1,31/03/2026,North,,,,Zoë paid £5\n")).ToArray();

        var preview = await CaseImport.ReadAsync(ImportTestFiles.Bytes(bytes, "cases.csv"));

        Assert.Empty(preview.AllErrors);
        Assert.Equal("Zoë paid £5", preview.ValidItems.Single().Notes);
    }

    [Fact]
    public async Task A_file_saved_by_Excel_as_plain_CSV_in_Windows_1252_keeps_pound_signs_and_accents()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var bytes = windows1252.GetBytes($"{CaseImport.Header}\nC-1,31/03/2026,North,,,,Zoë paid £5\n");

        var preview = await CaseImport.ReadAsync(ImportTestFiles.Bytes(bytes, "CASES.CSV"));

        Assert.Empty(preview.AllErrors);
        Assert.Equal("Zoë paid £5", preview.ValidItems.Single().Notes);
    }

    [Theory]
    [InlineData("31/03/2026", 2026, 3, 31)]
    [InlineData("1/4/2026", 2026, 4, 1)]
    [InlineData("01/04/2026", 2026, 4, 1)]
    [InlineData("2026-03-31", 2026, 3, 31)]
    [InlineData(" 31/03/2026 ", 2026, 3, 31)]
    [InlineData("31/03/2026 14:30", 2026, 3, 31)]
    [InlineData("31 Mar 2026", 2026, 3, 31)]
    [InlineData("31 March 2026", 2026, 3, 31)]
    public async Task UK_and_ISO_dates_are_accepted(string typed, int year, int month, int day)
    {
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv($"{CaseImport.Header}\nC-1,{typed},North,,,,\n"));

        Assert.Empty(preview.AllErrors);
        Assert.Equal(new DateOnly(year, month, day), preview.ValidItems.Single().WorkDate);
    }

    [Theory]
    [InlineData("03/31/2026")]
    [InlineData("31/13/2026")]
    [InlineData("2026/31/03")]
    [InlineData("31/03/26")]
    [InlineData("46112")]
    [InlineData("soon")]
    public async Task Other_date_spellings_are_reported_with_an_example_of_the_right_one(string typed)
    {
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv($"{CaseImport.Header}\nC-1,{typed},North,,,,\n"));

        Assert.Equal(["Row 2: 'Date of work' must be a date like 31/03/2026."], preview.AllErrors);
        Assert.Empty(preview.ValidItems);
    }

    [Fact]
    public async Task Without_a_map_each_item_is_the_parsed_row_with_what_the_cells_showed()
    {
        var csv = $"{CaseImport.Header}\nC-1,31/03/2026,north,2.50,,,\nC-2,someday,North,,,,\n";

        var preview = await SpreadsheetImporter.ReadAsync(ImportTestFiles.Csv(csv), CaseImport.Schema());

        var first = preview.Rows[0].Item!;
        Assert.Equal("North", first.Choice("Team"));
        Assert.Equal(2.5m, first.Number("Score"));
        Assert.Null(first.YesNo("Escalated"));
        Assert.Equal("north", first.Original("Team"));
        var second = preview.Rows[1].Source;
        Assert.Equal("someday", second.Original("Date of work"));
        Assert.Null(second.Date("Date of work"));
        Assert.False(preview.Rows[1].IsValid);
    }
}
