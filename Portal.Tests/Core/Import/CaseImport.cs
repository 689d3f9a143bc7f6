using Portal.Core.Import;

namespace Portal.Tests.Core.Import;

/// <summary>A case-list import, as the shared reader's callers will declare theirs.</summary>
internal sealed record CaseImport(string Reference, DateOnly WorkDate, string Team, decimal? Score, int? Visits, bool? Escalated, string? Notes)
{
    public static readonly string Header = "Case reference,Date of work,Team,Score,Visits,Escalated,Notes";

    public static ImportSchema Schema() => new ImportSchema()
        .Text("Case reference", required: true, maxLength: 10)
        .Date("Date of work", required: true)
        .Choice("Team", ["North", "South", "East"], required: true)
        .Number("Score")
        .WholeNumber("Visits")
        .YesNo("Escalated")
        .Text("Notes");

    public static CaseImport From(ImportedRow row) => new(
        row.Text("Case reference")!,
        row.Date("Date of work")!.Value,
        row.Choice("Team")!,
        row.Number("Score"),
        row.WholeNumber("Visits"),
        row.YesNo("Escalated"),
        row.Text("Notes"));

    public static Task<ImportPreview<CaseImport>> ReadAsync(ImportFile file, ImportSchema? schema = null) =>
        SpreadsheetImporter.ReadAsync(file, schema ?? Schema(), From);
}
