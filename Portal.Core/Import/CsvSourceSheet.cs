using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Portal.Core.Import;

/// <summary>
/// Reads a CSV file with CsvHelper. Every cell is text; the column rules do the parsing.
/// </summary>
internal sealed class CsvSourceSheet(byte[] content) : ISourceSheet
{
    public bool Date1904 => false;

    public IEnumerable<SourceRow> Rows()
    {
        using var reader = new StringReader(Decode(content));
        var configuration = new CsvConfiguration(CultureInfo.GetCultureInfo("en-GB"))
        {
            HasHeaderRecord = false,
            // A stray quote inside a field (5" screen) is kept as typed rather than failing the file.
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            // Blank lines are rows in Excel too; counting them keeps row numbers true. They are skipped later.
            IgnoreBlankLines = false,
        };
        using var parser = new CsvParser(reader, configuration);

        // Rows are counted as records, not lines, because a cell with a line break is still one
        // row when the person opens the file in Excel.
        var rowNumber = 0;
        while (parser.Read())
        {
            rowNumber++;
            var record = parser.Record ?? [];
            yield return new SourceRow(rowNumber, record.Select(SourceCell.FromText).ToList());
        }
    }

    public void Dispose()
    {
        // Nothing held open: the content is already in memory.
    }

    /// <summary>
    /// Excel's "CSV UTF-8" is UTF-8 with a byte-order mark; its plain "CSV" is Windows-1252 on a
    /// UK PC. Reading 1252 as UTF-8 would turn £ and é into replacement characters, so when the
    /// bytes are not valid UTF-8 they are read as Windows-1252.
    /// </summary>
    private static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(span);
        }
    }
}
