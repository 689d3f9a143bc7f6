namespace Portal.Core.Import;

internal enum SourceCellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Date,
    Error,
}

/// <summary>A cell as the file holds it, before the column's rule is applied.</summary>
internal readonly record struct SourceCell(SourceCellKind Kind, string? Text = null, double Number = 0, bool Boolean = false, DateTime Date = default)
{
    public static readonly SourceCell Empty = new(SourceCellKind.Empty);

    public bool IsBlank => Kind == SourceCellKind.Empty || (Kind == SourceCellKind.Text && string.IsNullOrWhiteSpace(Text));

    public static SourceCell FromText(string? text) =>
        string.IsNullOrEmpty(text) ? Empty : new(SourceCellKind.Text, text);
}

/// <summary>A row of the file, numbered as the person sees it in their spreadsheet.</summary>
internal sealed record SourceRow(int RowNumber, IReadOnlyList<SourceCell> Cells)
{
    public SourceCell this[int columnIndex] => columnIndex >= 0 && columnIndex < Cells.Count ? Cells[columnIndex] : SourceCell.Empty;

    public bool IsBlank => Cells.All(c => c.IsBlank);
}

/// <summary>
/// A problem with the whole file, in words the person can act on. Thrown inside the reader and
/// turned into a file error, never shown as an exception.
/// </summary>
internal sealed class ImportFileException(string message) : Exception(message);

/// <summary>Rows of one sheet, in order, plus what the converter needs to know about how the file stores dates.</summary>
internal interface ISourceSheet : IDisposable
{
    /// <summary>True for workbooks using the 1904 date system (old Mac Excel).</summary>
    bool Date1904 { get; }

    IEnumerable<SourceRow> Rows();
}
