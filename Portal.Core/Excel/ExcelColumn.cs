namespace Portal.Core.Excel;

/// <summary>A column of an <see cref="ExcelSheet{T}"/>: its header, width and how to turn an item into a cell.</summary>
internal sealed class ExcelColumn<T>(string header, double width, Func<T, ExcelCell> cell)
{
    public string Header { get; } = header;

    public double Width { get; } = width;

    public ExcelCell CellFor(T item) => cell(item);
}
