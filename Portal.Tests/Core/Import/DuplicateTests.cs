using Xunit;

namespace Portal.Tests.Core.Import;

public sealed class DuplicateTests
{
    [Fact]
    public async Task Rows_sharing_a_key_are_all_reported_with_the_other_rows_named()
    {
        var csv = $"""
            {CaseImport.Header}
            C-1,31/03/2026,North,,,,
            C-2,31/03/2026,North,,,,
            c-1,01/04/2026,South,,,,
            C-3,31/03/2026,North,,,,
            C-1 ,02/04/2026,East,,,,
            """;

        var preview = (await CaseImport.ReadAsync(ImportTestFiles.Csv(csv))).FlagDuplicates(c => c.Reference, "Case reference");

        Assert.Equal(
            [
                "Row 2: 'Case reference' is C-1, which is also on rows 4 and 6. Each row must have a different 'Case reference'.",
                "Row 4: 'Case reference' is c-1, which is also on rows 2 and 6. Each row must have a different 'Case reference'.",
                "Row 6: 'Case reference' is C-1, which is also on rows 2 and 4. Each row must have a different 'Case reference'.",
            ],
            preview.AllErrors);
        Assert.Equal(["C-2", "C-3"], preview.ValidItems.Select(c => c.Reference));
    }

    [Fact]
    public async Task A_caller_supplied_comparer_decides_what_counts_as_the_same()
    {
        var csv = $"{CaseImport.Header}\nC-1,31/03/2026,North,,,,\nc-1,31/03/2026,North,,,,\n";

        var preview = (await CaseImport.ReadAsync(ImportTestFiles.Csv(csv))).FlagDuplicates(c => c.Reference, "Case reference", StringComparer.Ordinal);

        Assert.Empty(preview.AllErrors);
    }

    [Fact]
    public async Task Date_keys_are_shown_in_UK_format()
    {
        var csv = $"{CaseImport.Header}\nC-1,31/03/2026,North,,,,\nC-2,31/03/2026,North,,,,\nC-3,31/03/2026,South,,,,\n";

        var preview = (await CaseImport.ReadAsync(ImportTestFiles.Csv(csv))).FlagDuplicates(c => c.WorkDate, "Date of work");

        Assert.Contains("Row 2: 'Date of work' is 31/03/2026, which is also on rows 3 and 4.", preview.AllErrors.First());
        Assert.Equal(3, preview.ErrorRowCount);
    }

    [Fact]
    public async Task Rows_that_already_failed_are_not_counted_as_duplicates()
    {
        var csv = $"{CaseImport.Header}\nC-1,31/03/2026,North,,,,\nC-1,never,North,,,,\n";

        var preview = (await CaseImport.ReadAsync(ImportTestFiles.Csv(csv))).FlagDuplicates(c => c.Reference, "Case reference");

        Assert.Equal(["Row 3: 'Date of work' must be a date like 31/03/2026."], preview.AllErrors);
    }
}
