using System.Globalization;

namespace Portal.Core.Import;

/// <summary>
/// Every message an import can show, written for the person fixing their spreadsheet rather
/// than for a developer. Row messages are prefixed with "Row N: " by <see cref="ImportedRow"/>.
/// </summary>
internal static class ImportMessages
{
    public static readonly string FileTooLarge =
        $"The file is larger than {ImportLimits.MaxFileSizeText}. Split it into smaller files, or delete unused rows and columns, and try again.";

    public const string WrongFileType =
        "Only .xlsx and .csv files can be imported. In Excel, use File > Save As and choose Excel Workbook (.xlsx) or CSV, then try again.";

    public const string EmptyFile = "The file is empty.";

    public const string NotAWorkbook =
        "The file could not be read as an Excel workbook. Check that it opens in Excel, save it again as an Excel Workbook (.xlsx), and try again.";

    public const string NotACsv =
        "The file could not be read as CSV. Check that it opens in Excel, save it again as CSV, and try again.";

    public const string TooBigWhenUnpacked =
        "The workbook is too large to import once opened. Copy just the rows you need into a new workbook and try again.";

    public const string NoWorksheets = "The workbook has no worksheets to import.";

    public static readonly string TooManyRows =
        $"The file has more than {ImportLimits.MaxDataRows:N0} rows. Split it into files of up to {ImportLimits.MaxDataRows:N0} rows and import them one at a time.";

    public static string SheetNotFound(string sheetName, IReadOnlyList<string> sheetNames) =>
        $"The workbook has no sheet called '{sheetName}'. Its sheets are: {string.Join(", ", sheetNames)}.";

    public static string NoHeaderRow(IEnumerable<ImportColumn> columns) =>
        $"The file is blank. The first row must hold the column names: {string.Join(", ", columns.Select(c => c.Name))}.";

    public static string MissingColumns(IReadOnlyList<string> names, int headerRowNumber) =>
        names.Count == 1
            ? $"The required column {ImportText.QuotedList(names)} is missing from the header row (row {headerRowNumber.ToString(CultureInfo.InvariantCulture)}). Check it is spelled as in the template."
            : $"The required columns {ImportText.QuotedList(names)} are missing from the header row (row {headerRowNumber.ToString(CultureInfo.InvariantCulture)}). Check they are spelled as in the template.";

    public static string DuplicateColumn(string name, int headerRowNumber) =>
        $"The column '{name}' appears more than once in the header row (row {headerRowNumber.ToString(CultureInfo.InvariantCulture)}). Delete or rename the extra one.";

    public const string NoDataRows = "The file has a header row but no rows of data under it.";

    public static string Required(ImportColumn column) => $"'{column.Name}' is required.";

    public static string NotADate(ImportColumn column) => $"'{column.Name}' must be a date like 31/03/2026.";

    public static string NotANumber(ImportColumn column) => $"'{column.Name}' must be a number like 12.5.";

    public static string NotAWholeNumber(ImportColumn column) => $"'{column.Name}' must be a whole number like 12.";

    public static string NotYesOrNo(ImportColumn column) => $"'{column.Name}' must be Yes or No.";

    public static string NotAChoice(ImportColumn column, string value) =>
        column.Choices!.Count <= 10
            ? $"'{column.Name}' must be one of: {string.Join(", ", column.Choices)}."
            : $"'{column.Name}' must be one of the values in the template's list; '{ImportText.Echo(value)}' is not one of them.";

    public static string TooLong(ImportColumn column) =>
        $"'{column.Name}' must be {column.MaxLength!.Value.ToString(CultureInfo.InvariantCulture)} characters or fewer.";

    public static string ExcelError(ImportColumn column, string error) =>
        $"'{column.Name}' shows the Excel error {error}. Put a value in the cell instead.";

    public static string Duplicate(string columnName, string key, IEnumerable<int> otherRows)
    {
        var rows = otherRows.Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList();
        var where = (rows.Count == 1 ? "row " : "rows ") + ImportText.List(rows);
        return $"'{columnName}' is {ImportText.Echo(key)}, which is also on {where}. Each row must have a different '{columnName}'.";
    }
}
