namespace Portal.Core.Import;

/// <summary>
/// The limits every spreadsheet import shares, in one place so the upload control, the reader
/// and the help text say the same thing.
/// </summary>
public static class ImportLimits
{
    /// <summary>5 MB: far above a real case or provider list, small enough to read in memory safely.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public const string MaxFileSizeText = "5 MB";

    /// <summary>Rows of data, not counting the header row.</summary>
    public const int MaxDataRows = 10_000;

    public static readonly IReadOnlyList<string> AllowedExtensions = [".xlsx", ".csv"];

    /// <summary>For the accept attribute of a file input.</summary>
    public const string AcceptAttribute = ".xlsx,.csv";

    /// <summary>
    /// An .xlsx is a zip of XML, and 5 MB of zip can unpack to gigabytes (a "zip bomb"). A real
    /// 10,000-row, 30-column workbook unpacks to about 20 MB, so anything claiming more than
    /// 100 MB is refused before it is opened.
    /// </summary>
    internal const long MaxUnpackedXlsxBytes = 100L * 1024 * 1024;

    /// <summary>
    /// The Open XML SDK's own guard, for parts whose declared size lies: reading stops with an
    /// error after this many characters of one part (measured: it applies to OpenXmlReader too).
    /// </summary>
    internal const long MaxCharactersInPart = 50_000_000;
}
