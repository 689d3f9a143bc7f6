using System.Text;
using Portal.Core.Import;
using Xunit;

namespace Portal.Tests.Core.Import;

public sealed class ImportErrorTests
{
    [Fact]
    public async Task Each_bad_cell_gets_a_plain_English_error_naming_its_row_and_column()
    {
        var csv = $"""
            {CaseImport.Header}
            C-1,31/03/2026,North,12.5,3,Yes,fine
            C-2,2026/31/03,South,,,,
            C-3,01/04/2026,,,,,
            C-4,01/04/2026,West,abc,2.5,maybe,
            C-000000011,01/04/2026,East,,,,
            """;

        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv(csv));

        Assert.Equal(
            [
                "Row 3: 'Date of work' must be a date like 31/03/2026.",
                "Row 4: 'Team' is required.",
                "Row 5: 'Team' must be one of: North, South, East.",
                "Row 5: 'Score' must be a number like 12.5.",
                "Row 5: 'Visits' must be a whole number like 12.",
                "Row 5: 'Escalated' must be Yes or No.",
                "Row 6: 'Case reference' must be 10 characters or fewer.",
            ],
            preview.AllErrors);
        Assert.Equal("C-1", preview.ValidItems.Single().Reference);
        Assert.Equal(4, preview.ErrorRowCount);
        Assert.True(preview.HasErrors);
    }

    [Fact]
    public async Task A_long_choice_list_is_not_spelled_out_but_the_wrong_value_is_echoed()
    {
        var teams = Enumerable.Range(1, 12).Select(i => $"Team {i}").ToList();
        var schema = new ImportSchema().Choice("Team", teams, required: true);

        var preview = await SpreadsheetImporter.ReadAsync(ImportTestFiles.Csv("Team\nteam 3\nTeam 13\n"), schema);

        Assert.Equal("Team 3", preview.Rows[0].Item!.Choice("Team"));
        Assert.Equal(["Row 3: 'Team' must be one of the values in the template's list; 'Team 13' is not one of them."], preview.AllErrors);
    }

    [Fact]
    public async Task The_callers_own_checks_add_errors_to_the_row()
    {
        var csv = $"{CaseImport.Header}\nC-1,31/03/2026,North,,,,\nC-2,31/03/2099,North,,,,\n";

        var preview = await SpreadsheetImporter.ReadAsync(ImportTestFiles.Csv(csv), CaseImport.Schema(), row =>
        {
            if (row.Date("Date of work") > new DateOnly(2026, 11, 23))
            {
                row.AddError("'Date of work' cannot be in the future.");
            }

            return CaseImport.From(row);
        });

        Assert.Equal(["Row 3: 'Date of work' cannot be in the future."], preview.AllErrors);
        Assert.Equal(["C-1"], preview.ValidItems.Select(c => c.Reference));
    }

    [Theory]
    [InlineData("cases.xls")]
    [InlineData("cases.txt")]
    [InlineData("cases.xlsm")]
    [InlineData("cases")]
    [InlineData("")]
    public async Task Only_xlsx_and_csv_files_are_accepted(string fileName)
    {
        var preview = await CaseImport.ReadAsync(new ImportFile(fileName, 10, new UnreadableStream()));

        Assert.Equal(
            ["Only .xlsx and .csv files can be imported. In Excel, use File > Save As and choose Excel Workbook (.xlsx) or CSV, then try again."],
            preview.FileErrors);
    }

    [Fact]
    public async Task A_file_declared_larger_than_5_MB_is_refused_before_it_is_read()
    {
        var preview = await CaseImport.ReadAsync(new ImportFile("cases.csv", ImportLimits.MaxFileBytes + 1, new UnreadableStream()));

        Assert.Equal(
            ["The file is larger than 5 MB. Split it into smaller files, or delete unused rows and columns, and try again."],
            preview.FileErrors);
    }

    [Fact]
    public async Task A_file_larger_than_5_MB_is_refused_even_when_its_declared_length_is_small()
    {
        var endless = new EndlessCsvStream();

        var preview = await CaseImport.ReadAsync(new ImportFile("cases.csv", 100, endless));

        Assert.Equal(
            ["The file is larger than 5 MB. Split it into smaller files, or delete unused rows and columns, and try again."],
            preview.FileErrors);
        Assert.InRange(endless.BytesRead, ImportLimits.MaxFileBytes, ImportLimits.MaxFileBytes + (1024 * 1024));
    }

    [Fact]
    public async Task An_empty_file_is_reported_as_empty()
    {
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Bytes([], "cases.csv"));

        Assert.Equal(["The file is empty."], preview.FileErrors);
    }

    [Fact]
    public async Task A_file_with_only_a_header_row_is_reported()
    {
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv($"{CaseImport.Header}\n,,,\n"));

        Assert.Equal(["The file has a header row but no rows of data under it."], preview.FileErrors);
    }

    [Fact]
    public async Task Ten_thousand_rows_are_accepted_and_one_more_is_refused()
    {
        static string Rows(int count)
        {
            var csv = new StringBuilder(CaseImport.Header).Append('\n');
            for (var i = 1; i <= count; i++)
            {
                csv.Append("C-").Append(i).Append(",31/03/2026,North,,,,\n");
            }

            return csv.ToString();
        }

        var atLimit = await CaseImport.ReadAsync(ImportTestFiles.Csv(Rows(ImportLimits.MaxDataRows)));
        var overLimit = await CaseImport.ReadAsync(ImportTestFiles.Csv(Rows(ImportLimits.MaxDataRows + 1)));

        Assert.Empty(atLimit.AllErrors);
        Assert.Equal(10_000, atLimit.ValidItems.Count);
        Assert.Equal(
            ["The file has more than 10,000 rows. Split it into files of up to 10,000 rows and import them one at a time."],
            overLimit.FileErrors);
        Assert.Empty(overLimit.Rows);
    }

    [Fact]
    public async Task A_missing_required_column_is_named()
    {
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv("Case reference,Date of work,Score\nC-1,31/03/2026,1\n"));

        Assert.Equal(
            ["The required column 'Team' is missing from the header row (row 1). Check it is spelled as in the template."],
            preview.FileErrors);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task Several_missing_required_columns_are_listed_together()
    {
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv("Reference,Date,Score\nC-1,31/03/2026,1\n"));

        Assert.Equal(
            ["The required columns 'Case reference', 'Date of work' and 'Team' are missing from the header row (row 1). Check they are spelled as in the template."],
            preview.FileErrors);
    }

    [Fact]
    public async Task Header_names_match_ignoring_case_spacing_and_column_order_and_optional_columns_may_be_absent()
    {
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv("  TEAM ,Our notes,date  of\u00A0work, case reference\nSouth,x,31/03/2026,C-9\n"));

        Assert.Empty(preview.AllErrors);
        Assert.Equal(new CaseImport("C-9", new DateOnly(2026, 3, 31), "South", null, null, null, null), preview.ValidItems.Single());
    }

    [Fact]
    public async Task The_header_row_is_the_first_non_blank_row()
    {
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv($",,\n\n{CaseImport.Header}\nC-1,31/03/2026,North,,,,\n"));

        Assert.Empty(preview.AllErrors);
        Assert.Equal(4, preview.Rows.Single().RowNumber);
    }

    [Fact]
    public async Task A_column_named_twice_in_the_header_is_reported()
    {
        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv("Case reference,Date of work,Team,team\nC-1,31/03/2026,North,South\n"));

        Assert.Equal(
            ["The column 'Team' appears more than once in the header row (row 1). Delete or rename the extra one."],
            preview.FileErrors);
    }

    [Fact]
    public async Task Excel_error_text_in_a_CSV_is_not_a_number()
    {
        var csv = $"{CaseImport.Header}\nC-1,31/03/2026,North,#DIV/0!,,,\n";

        var preview = await CaseImport.ReadAsync(ImportTestFiles.Csv(csv));

        Assert.Equal(["Row 2: 'Score' must be a number like 12.5."], preview.AllErrors);
    }
}
