using Portal.Core.Excel;

namespace Portal.App.Features;

/// <summary>
/// Streams a workbook straight into the HTTP response: rows go out as they are read from the database, so an
/// export's memory stays flat however many rows it has. Every module's Excel export goes through here.
/// </summary>
public static class ExcelDownload
{
    public static IResult Stream(string fileNameWithoutExtension, Func<ExcelWorkbookWriter, CancellationToken, Task> write) =>
        Results.Stream(async body =>
        {
            await using var workbook = new ExcelWorkbookWriter(body);
            await write(workbook, CancellationToken.None);
            await workbook.CompleteAsync();
        }, ExcelWorkbookWriter.ContentType, SafeFileName(fileNameWithoutExtension) + ExcelWorkbookWriter.FileExtension);

    /// <summary>A file name any operating system accepts, with the date so period-to-period files sort.</summary>
    public static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '\'', ';', ',']).ToHashSet();
        var cleaned = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim();
        return cleaned.Length == 0 ? "export" : cleaned;
    }
}
