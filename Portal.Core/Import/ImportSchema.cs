namespace Portal.Core.Import;

/// <summary>
/// The columns an import expects, declared once per import (case list, provider list, action
/// plan). Header names are matched ignoring case and surrounding spaces; columns in the file that
/// are not declared are ignored, so people can keep their own notes columns.
/// </summary>
/// <example>
/// <code>
/// var schema = new ImportSchema()
///     .Text("Case reference", required: true, maxLength: 50)
///     .Date("Date of work", required: true)
///     .Choice("Team", ["North", "South"], required: true)
///     .YesNo("Escalated");
/// </code>
/// </example>
public sealed class ImportSchema
{
    private readonly List<ImportColumn> _columns = [];

    public IReadOnlyList<ImportColumn> Columns => _columns;

    /// <summary>The worksheet to read in an .xlsx; null reads the first worksheet. CSV files have only one.</summary>
    public string? SheetName { get; private set; }

    public ImportSchema FromSheet(string sheetName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        SheetName = sheetName;
        return this;
    }

    public ImportSchema Text(string name, bool required = false, int? maxLength = null) =>
        Add(new ImportColumn(name, ImportColumnKind.Text, required, CheckMaxLength(maxLength)));

    /// <summary>Accepts Excel dates, and text such as 31/03/2026, 1/4/2026 or 2026-03-31.</summary>
    public ImportSchema Date(string name, bool required = false) =>
        Add(new ImportColumn(name, ImportColumnKind.Date, required));

    public ImportSchema Number(string name, bool required = false) =>
        Add(new ImportColumn(name, ImportColumnKind.Number, required));

    public ImportSchema WholeNumber(string name, bool required = false) =>
        Add(new ImportColumn(name, ImportColumnKind.WholeNumber, required));

    /// <summary>Accepts Yes/No, Y/N, True/False, 1/0 and Excel's TRUE/FALSE.</summary>
    public ImportSchema YesNo(string name, bool required = false) =>
        Add(new ImportColumn(name, ImportColumnKind.YesNo, required));

    /// <summary>One of a fixed list, matched ignoring case; the value returned is spelled as in the list.</summary>
    public ImportSchema Choice(string name, IEnumerable<string> choices, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var list = choices.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A choice column needs at least one choice.", nameof(choices));
        }

        return Add(new ImportColumn(name, ImportColumnKind.Choice, required, MaxLength: null, Choices: list));
    }

    internal ImportColumn? Find(string name) =>
        _columns.FirstOrDefault(c => ImportText.SameName(c.Name, name));

    private ImportSchema Add(ImportColumn column)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column.Name);
        if (Find(column.Name) is not null)
        {
            throw new ArgumentException($"The column '{column.Name}' is declared twice.", nameof(column));
        }

        _columns.Add(column);
        return this;
    }

    private static int? CheckMaxLength(int? maxLength)
    {
        if (maxLength is { } length)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length, nameof(maxLength));
        }

        return maxLength;
    }
}
