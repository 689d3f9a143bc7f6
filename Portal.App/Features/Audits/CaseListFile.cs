using Portal.Core.Import;

namespace Portal.App.Features.Audits;

/// <summary>
/// Reads a case list extract (.xlsx or .csv) with the shared import reader into rows for
/// <see cref="CasePoolService"/>, which then checks them against the organisation (teams, duplicates).
/// The date column is read as a date so Excel dates and typed dates both work.
/// </summary>
public static class CaseListFile
{
    public sealed record Read(IReadOnlyList<string> FileErrors, IReadOnlyList<CasePoolService.ImportRow> Rows, IReadOnlyDictionary<int, IReadOnlyList<string>> RowErrors);

    public static ImportSchema Schema() => new ImportSchema()
        .Text("Record id", required: true)
        .Text("Person (initials or pseudonymous id)", required: true)
        .Text("Practitioner", required: true)
        .Text("Practitioner email")
        .Text("Team", required: true)
        .Text("Service")
        .Text("Type of work", required: true)
        .Date("Date of work", required: true);

    public static async Task<Read> ReadAsync(ImportFile file, CancellationToken cancellationToken = default)
    {
        var preview = await SpreadsheetImporter.ReadAsync(file, Schema(), cancellationToken);
        var rows = preview.Rows.Select(r => new CasePoolService.ImportRow(r.RowNumber,
            CasePoolService.Columns.ToDictionary(c => c, c => c == "Date of work"
                ? r.Source.Date(c)?.ToString("yyyy-MM-dd")
                : r.Source.Text(c)))).ToList();
        var errors = preview.Rows.Where(r => r.Errors.Count > 0)
            .ToDictionary(r => r.RowNumber, r => (IReadOnlyList<string>)r.Errors.ToList());
        return new Read(preview.FileErrors, rows, errors);
    }
}
