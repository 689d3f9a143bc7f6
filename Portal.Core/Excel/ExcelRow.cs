namespace Portal.Core.Excel;

/// <summary>
/// A row of a sheet: either an item written across the columns, or a section heading written as
/// a full-width, bold, shaded row (for example "1. Access to support before crisis point" in an
/// action plan). An item converts to a row implicitly, so an iterator can yield both.
/// </summary>
public readonly struct ExcelRow<T>
{
    private ExcelRow(T? item, string? sectionHeading)
    {
        Item = item;
        SectionHeading = sectionHeading;
    }

    public T? Item { get; }

    public string? SectionHeading { get; }

    public bool IsSection => SectionHeading is not null;

    public static ExcelRow<T> Data(T item) => new(item, null);

    public static ExcelRow<T> Section(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        return new(default, heading);
    }

    public static implicit operator ExcelRow<T>(T item) => Data(item);
}
