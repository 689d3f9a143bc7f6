using Portal.Core.Excel;
using Portal.Core.Rag;
using Xunit;

namespace Portal.Tests.Core.Excel;

/// <summary>
/// Sample rows covering every column type, RAG word and formula-injection string, written once
/// as a two-sheet workbook and read back once with openpyxl for all the tests that inspect it.
/// </summary>
public sealed class TwoSheetWorkbook : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("portal-excel-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "two-sheets.xlsx");

    internal WorkbookReadBack Book { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await SampleRows.WriteAsync(Path);
        Book = WorkbookReadBack.Read(Path);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

internal static class SampleRows
{
    internal sealed record CaseLine(
        string? Reference,
        string? Notes,
        decimal? Score,
        double? Compliance,
        int? Visits,
        DateOnly? WorkDate,
        DateTime? LoggedAt,
        DateTimeOffset? ClosedAt,
        RagStatus? Rating,
        string? RatingWord);

    internal sealed record ActionLine(string Action, RagStatus Status, DateOnly Due);

    public static ExcelSheet<CaseLine> CasesSheet() => new ExcelSheet<CaseLine>("Cases")
        .Text("Case reference", c => c.Reference)
        .Text("Notes", c => c.Notes, width: 40)
        .Number("Score", c => c.Score, decimalPlaces: 1)
        .Percentage("Compliance", c => c.Compliance, decimalPlaces: 1)
        .WholeNumber("Visits", c => c.Visits)
        .Date("Date of work", c => c.WorkDate)
        .Date("Logged", c => c.LoggedAt, includeTime: true)
        .Date("Closed", c => c.ClosedAt)
        .Rag("Rating", c => c.Rating)
        .Rag("Rating word", c => c.RatingWord);

    public static readonly CaseLine[] Cases =
    [
        new("C-001", "=SUM(A1)", 12.5m, 0.875, 3, new DateOnly(2026, 3, 31), new DateTime(2026, 3, 31, 14, 30, 0), new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(1)), RagStatus.Red, "amber"),
        new("C-002", "+44 1234", 7m, 0.5, 12_345, new DateOnly(2025, 12, 1), null, null, RagStatus.Green, "Complete"),
        new("-5", "@cmd", 0.25m, 1, 0, new DateOnly(2026, 1, 9), null, null, RagStatus.Amber, "GREEN"),
        new("\tx", "\rcarriage", -3m, 0, 1, null, null, null, RagStatus.Complete, "Red"),
        new("C-005", null, null, null, null, null, null, null, null, null),
    ];

    public static IEnumerable<ExcelRow<ActionLine>> ActionPlan()
    {
        yield return ExcelRow<ActionLine>.Section("1. Access to support before crisis point");
        yield return new ActionLine("Agree a crisis plan", RagStatus.Amber, new DateOnly(2026, 5, 1));
        yield return new ActionLine("Name a key worker", RagStatus.Complete, new DateOnly(2026, 4, 1));
        yield return ExcelRow<ActionLine>.Section("2. Urgent and emergency access");
        yield return new ActionLine("=HYPERLINK(\"http://evil\")", RagStatus.Red, new DateOnly(2026, 6, 30));
    }

    public static ExcelSheet<ActionLine> ActionSheet() => new ExcelSheet<ActionLine>("Action plan")
        .Text("Action", a => a.Action)
        .Rag("Status", a => a.Status)
        .Date("Due", a => a.Due);

    public static async Task WriteAsync(string path)
    {
        await using var file = File.Create(path);
        await using var workbook = new ExcelWorkbookWriter(file);
        await workbook.AddSheetAsync(CasesSheet(), Cases);
        await workbook.AddSheetAsync(ActionSheet(), ActionPlan());
        await workbook.CompleteAsync();
    }
}
