using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Core.Excel;
using Portal.Core.Import;
using Portal.Core.Rag;

namespace Portal.Core.ActionPlans;

/// <summary>
/// The spreadsheet layout of seed 002 (No., RAG, Action, Timescale, Led By, Update, Outcomes, with section rows),
/// plus the columns the seed keeps elsewhere (Scope, which the seed writes inside the RAG cell; the update's date,
/// which it writes in the header "UPDATE NOVEMBER 2015"). Export and import use the same names, so a plan
/// exported, imported and exported again gives the same workbook.
/// </summary>
public static partial class ActionPlanWorkbook
{
    public const string SheetName = "Action plan";
    public const string NumberColumn = "No.";
    public const string RagColumn = "RAG";
    public const string ScopeColumn = "Scope";
    public const string IssueColumn = "Issue Identified";
    public const string ActionColumn = "Action";
    public const string TimescaleColumn = "Timescale";
    public const string LedByColumn = "Led By";
    public const string UpdateColumn = "Update";
    public const string UpdateDateColumn = "Update date";
    public const string OutcomesColumn = "Outcomes";

    /// <summary>One line of the sheet: a section heading, a sub-heading, or an action.</summary>
    public sealed record Line(string? Number, RagStatus? Rag, ActionScope? Scope, string? IssueIdentified, string? Action,
        string? Timescale, IReadOnlyList<string> Leads, string? Update, DateOnly? UpdateDate, string? Outcomes);

    /// <summary>The sheet's columns; "Issue Identified" only for serious-incident plans.</summary>
    public static ExcelSheet<Line> Sheet(bool includeIssue)
    {
        var sheet = new ExcelSheet<Line>(SheetName).Text(NumberColumn, l => l.Number, width: 7).Rag(RagColumn, l => l.Rag)
            .Text(ScopeColumn, l => l.Scope?.Describe(), width: 12);
        if (includeIssue)
            sheet.Text(IssueColumn, l => l.IssueIdentified, width: 50);
        return sheet.Text(ActionColumn, l => l.Action, width: 50)
            .Text(TimescaleColumn, l => l.Timescale, width: 16)
            .Text(LedByColumn, l => l.Leads.Count == 0 ? null : string.Join("\n", l.Leads), width: 30)
            .Text(UpdateColumn, l => l.Update, width: 60)
            .Date(UpdateDateColumn, l => l.UpdateDate)
            .Text(OutcomesColumn, l => l.Outcomes, width: 60);
    }

    /// <summary>The sheet's rows: each section heading, then its actions with a sub-heading row whenever the sub-heading changes.</summary>
    public static IEnumerable<ExcelRow<Line>> Rows(IEnumerable<(string Heading, IEnumerable<(string? SubHeading, Line Line)> Actions)> sections)
    {
        foreach (var (heading, actions) in sections)
        {
            yield return ExcelRow<Line>.Section(heading);
            string? current = null;
            foreach (var (subHeading, line) in actions)
            {
                if (subHeading is not null && subHeading != current)
                {
                    current = subHeading;
                    yield return ExcelRow<Line>.Section(subHeading);
                }
                yield return line;
            }
        }
    }

    /// <summary>
    /// The columns an import reads. <paramref name="updateHeader"/> is the update column's header as the file
    /// writes it ("Update", or the seed's "UPDATE NOVEMBER 2015").
    /// </summary>
    public static ImportSchema Schema(string updateHeader = UpdateColumn) => new ImportSchema()
        .Text(NumberColumn, maxLength: PlanSection.TitleMaxLength + 10)
        .Text(RagColumn, maxLength: 40)
        .Text(ScopeColumn, maxLength: 40)
        .Text(IssueColumn, maxLength: PlanAction.TextMaxLength)
        .Text(ActionColumn, maxLength: PlanAction.TextMaxLength)
        .Text(TimescaleColumn, maxLength: 100)
        .Text(LedByColumn, maxLength: PlanAction.MaxLeads * (PlanAction.LeadNameMaxLength + 1))
        .Text(updateHeader, maxLength: PlanAction.UpdateTextMaxLength)
        .Date(UpdateDateColumn)
        .Text(OutcomesColumn, maxLength: PlanAction.TextMaxLength);

    /// <summary>
    /// Finds the seed's dated update header ("UPDATE NOVEMBER 2015", "UPDATE NOV 2015") among a file's headers,
    /// and the date it speaks for (the first of that month).
    /// </summary>
    public static (string Header, DateOnly? AsOf)? FindDatedUpdateHeader(IEnumerable<string> headers)
    {
        foreach (var header in headers)
        {
            var match = DatedUpdate().Match(header.Trim());
            if (!match.Success)
                continue;
            DateOnly? asOf = Timescale.TryParse(match.Groups[1].Value, out var month, out _) ? month.Start : null;
            return (header, asOf);
        }
        return null;
    }

    /// <summary>
    /// The first non-blank row of an .xlsx's first sheet, as text. Call only on a file the importer has already
    /// read without file errors (it checks size and zip bombs first).
    /// </summary>
    public static IReadOnlyList<string> ReadHeaderRow(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx, writable: false), false);
        var workbookPart = document.WorkbookPart!;
        var first = workbookPart.Workbook.Sheets!.Elements<Sheet>().First();
        var worksheet = (WorksheetPart)workbookPart.GetPartById(first.Id!.Value!);
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        foreach (var row in worksheet.Worksheet.Descendants<Row>())
        {
            var texts = row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString && int.TryParse(c.CellValue?.Text, out var i) && i < shared.Count
                    ? shared[i]
                    : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "")
                .ToList();
            if (texts.Any(t => !string.IsNullOrWhiteSpace(t)))
                return texts;
        }
        return [];
    }

    public sealed record ParsedAction(int RowNumber, string? Number, string? SubHeading, RagStatus? Rag, ActionScope? Scope,
        string? IssueIdentified, string? Action, Timescale? Timescale, IReadOnlyList<string> Leads, string? Update, DateOnly? UpdateDate,
        string? Outcomes);

    public sealed record ParsedSection(int Number, string Title, IReadOnlyList<ParsedAction> Actions);

    public enum LineKind
    {
        Section,
        SubHeading,
        Action,
        RepeatedHeader,
    }

    /// <summary>A row of the file as the preview shows it, with its errors.</summary>
    public sealed record PreviewLine(int RowNumber, LineKind Kind, string? Number, string? Rag, string? Text, string? Timescale,
        string? Leads, string? Update, IReadOnlyList<string> Errors);

    public sealed record ParsedPlan(IReadOnlyList<ParsedSection> Sections, IReadOnlyList<PreviewLine> Lines, IReadOnlyList<string> FileErrors)
    {
        public bool HasErrors => FileErrors.Count > 0 || Lines.Any(l => l.Errors.Count > 0);
        public int ActionCount => Sections.Sum(s => s.Actions.Count);
        public IEnumerable<string> AllErrors => FileErrors.Concat(Lines.SelectMany(l => l.Errors));
    }

    /// <summary>
    /// Turns the rows the importer read into sections and actions. A row with text only in "No." is a heading:
    /// "2. Access to support before crisis point" starts section 2; anything else is a sub-heading. Rows that
    /// repeat the column headers (the seed repeats them under each section) are skipped.
    /// </summary>
    public static ParsedPlan Parse(ImportPreview<ImportedRow> preview, string updateHeader, DateOnly? headerUpdateDate)
    {
        var lines = new List<PreviewLine>();
        if (preview.FileErrors.Count > 0)
            return new ParsedPlan([], lines, preview.FileErrors);

        var sections = new List<(int Number, string Title, List<ParsedAction> Actions)>();
        string? subHeading = null;
        foreach (var previewRow in preview.Rows)
        {
            var row = previewRow.Source;
            var errors = new List<string>(row.Errors);
            string? T(string column) => errors.Count > 0 && previewRow.Item is null ? NullIfEmpty(row.Original(column)) : NullIfEmpty(row.Text(column));
            var number = T(NumberColumn);
            var ragText = T(RagColumn);
            var scopeText = T(ScopeColumn);
            var issue = T(IssueColumn);
            var action = T(ActionColumn);
            var timescaleText = T(TimescaleColumn);
            var ledBy = T(LedByColumn);
            var update = T(updateHeader);
            var outcomes = T(OutcomesColumn);
            var updateDate = previewRow.Item is null ? null : row.Date(UpdateDateColumn);

            var others = new[] { ragText, scopeText, issue, action, timescaleText, ledBy, update, outcomes };
            if (IsHeaderRepeat(number, ragText, action))
            {
                lines.Add(new PreviewLine(row.RowNumber, LineKind.RepeatedHeader, number, ragText, action, null, null, null, []));
                continue;
            }
            if (number is not null && others.All(o => o is null) && updateDate is null)
            {
                var heading = SectionHeading().Match(number);
                if (heading.Success && int.TryParse(heading.Groups[1].Value, out var sectionNumber) && sectionNumber > 0)
                {
                    var title = heading.Groups[2].Value.Trim();
                    var sectionErrors = new List<string>();
                    if (sections.Any(s => s.Number == sectionNumber))
                        sectionErrors.Add($"Row {row.RowNumber}: section {sectionNumber} appears more than once.");
                    if (title.Length > PlanSection.TitleMaxLength)
                        sectionErrors.Add($"Row {row.RowNumber}: the section title must be {PlanSection.TitleMaxLength} characters or fewer.");
                    sections.Add((sectionNumber, title, []));
                    subHeading = null;
                    lines.Add(new PreviewLine(row.RowNumber, LineKind.Section, number, null, title, null, null, null, sectionErrors));
                }
                else
                {
                    subHeading = number;
                    var subErrors = number.Length > PlanAction.SubHeadingMaxLength
                        ? new List<string> { $"Row {row.RowNumber}: the sub-heading must be {PlanAction.SubHeadingMaxLength} characters or fewer." }
                        : [];
                    lines.Add(new PreviewLine(row.RowNumber, LineKind.SubHeading, null, null, number, null, null, null, subErrors));
                }
                continue;
            }

            // An action row.
            RagStatus? rag = null;
            ActionScope? scope = null;
            if (ragText is not null)
            {
                if (RagStatusWords.TryParseWord(ragText, out var r))
                    rag = r;
                else if (ActionPlanWords.TryParseScope(ragText, out var s))
                    scope = s; // The seed writes "local" or "countywide" in the RAG cell and shows the RAG as its colour.
                else
                    errors.Add($"Row {row.RowNumber}: '{RagColumn}' must be Red, Amber, Green or Complete, not \"{Echo(ragText)}\".");
            }
            if (scopeText is not null)
            {
                if (ActionPlanWords.TryParseScope(scopeText, out var s))
                    scope = s;
                else
                    errors.Add($"Row {row.RowNumber}: '{ScopeColumn}' must be Local or Countywide, not \"{Echo(scopeText)}\".");
            }
            Timescale? timescale = null;
            if (timescaleText is not null)
            {
                if (Timescale.TryParse(timescaleText, out var t, out var problem))
                    timescale = t;
                else
                    errors.Add($"Row {row.RowNumber}: '{TimescaleColumn}' {problem}");
            }
            if (action is null && issue is null && outcomes is null)
                errors.Add($"Row {row.RowNumber}: write the action, the issue identified or the outcomes.");
            if (number is { Length: > PlanAction.NumberMaxLength })
                errors.Add($"Row {row.RowNumber}: '{NumberColumn}' must be {PlanAction.NumberMaxLength} characters or fewer.");
            var leads = SplitLeads(ledBy);
            if (leads.Count > PlanAction.MaxLeads)
                errors.Add($"Row {row.RowNumber}: an action can have at most {PlanAction.MaxLeads} leads.");
            else if (leads.FirstOrDefault(l => l.Length > PlanAction.LeadNameMaxLength) is { } longLead)
                errors.Add($"Row {row.RowNumber}: the lead \"{Echo(longLead)}\" must be {PlanAction.LeadNameMaxLength} characters or fewer.");
            else if (leads.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
                errors.Add($"Row {row.RowNumber}: {twice.Key} is listed as a lead more than once.");
            if (sections.Count == 0)
                errors.Add($"Row {row.RowNumber}: an action comes before the first section row. Add a row like \"1. Section title\" above it.");

            lines.Add(new PreviewLine(row.RowNumber, LineKind.Action, number, rag?.ToWord() ?? ragText, action ?? issue ?? outcomes,
                timescaleText, ledBy, update, errors));
            if (errors.Count == 0)
            {
                sections[^1].Actions.Add(new ParsedAction(row.RowNumber, number, subHeading, rag, scope, issue, action, timescale, leads,
                    update, update is null ? null : updateDate ?? headerUpdateDate, outcomes));
            }
        }

        var fileErrors = sections.Count == 0 && lines.All(l => l.Errors.Count == 0)
            ? new List<string> { "The file has no section rows. Put each section's title in the \"No.\" column on its own row, like \"1. Access to support before crisis point\"." }
            : [];
        return new ParsedPlan(sections.Select(s => new ParsedSection(s.Number, s.Title, s.Actions)).ToList(), lines, fileErrors);
    }

    /// <summary>One lead a line, without the bullets Word and Excel users type ("· ELFT – Diane Hull").</summary>
    public static IReadOnlyList<string> SplitLeads(string? ledBy) =>
        (ledBy ?? "").Split('\n')
            .Select(l => l.Trim().TrimStart('·', '•', '*', '-', '–').Trim())
            .Where(l => l.Length > 0)
            .ToList();

    private static bool IsHeaderRepeat(string? number, string? rag, string? action) =>
        string.Equals(number, NumberColumn, StringComparison.OrdinalIgnoreCase)
        && (rag is null || string.Equals(rag, RagColumn, StringComparison.OrdinalIgnoreCase))
        && (action is null || string.Equals(action, ActionColumn, StringComparison.OrdinalIgnoreCase));

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Echo(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(\d+)\.\s+(\S[\s\S]*)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^UPDATE\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DatedUpdate();
}
