using System.Globalization;

namespace Portal.Core.Import;

/// <summary>
/// One row of the file after the column rules have run: its typed values, what each cell
/// showed, and its errors. Typed getters return null for blank cells, for optional columns
/// the file does not have, and for cells that failed their rule.
/// </summary>
public sealed class ImportedRow
{
    private readonly ImportSchema _schema;
    private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _originals = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _errors = [];

    internal ImportedRow(int rowNumber, ImportSchema schema)
    {
        RowNumber = rowNumber;
        _schema = schema;
    }

    /// <summary>The row number the person sees in Excel (the header is usually row 1).</summary>
    public int RowNumber { get; }

    /// <summary>Errors as whole sentences, each starting "Row N: ".</summary>
    public IReadOnlyList<string> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public string? Text(string column) => Value(column, ImportColumnKind.Text, ImportColumnKind.Choice) as string;

    public string? Choice(string column) => Value(column, ImportColumnKind.Choice) as string;

    public DateOnly? Date(string column) => Value(column, ImportColumnKind.Date) as DateOnly?;

    public decimal? Number(string column) => Value(column, ImportColumnKind.Number) as decimal?;

    public int? WholeNumber(string column) => Value(column, ImportColumnKind.WholeNumber) as int?;

    public bool? YesNo(string column) => Value(column, ImportColumnKind.YesNo) as bool?;

    /// <summary>The cell as the person typed it, for showing a row that has errors.</summary>
    public string Original(string column)
    {
        Declared(column);
        return _originals.TryGetValue(column, out var original) ? original : string.Empty;
    }

    /// <summary>
    /// Adds an error found by the caller's own checks (for example "'Team' North is not one of
    /// your teams."). Write it without the row number; "Row N: " is added here.
    /// </summary>
    public void AddError(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        _errors.Add($"Row {RowNumber.ToString(CultureInfo.InvariantCulture)}: {message}");
    }

    internal void Set(ImportColumn column, object? value, string original)
    {
        _values[column.Name] = value;
        _originals[column.Name] = original;
    }

    private object? Value(string column, params ImportColumnKind[] kinds)
    {
        var declared = Declared(column);
        if (!kinds.Contains(declared.Kind))
        {
            throw new InvalidOperationException($"The column '{declared.Name}' is declared as {declared.Kind}, not {kinds[0]}.");
        }

        return _values.GetValueOrDefault(declared.Name);
    }

    private ImportColumn Declared(string column) =>
        _schema.Find(column) ?? throw new ArgumentException($"The import does not declare a column called '{column}'.", nameof(column));
}
