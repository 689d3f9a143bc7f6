using System.Globalization;

namespace Portal.Core.Excel;

/// <summary>A1-style references, shared by the writer and the import reader.</summary>
internal static class ExcelCellReference
{
    public const int MaxColumns = 16_384;
    public const int MaxRows = 1_048_576;

    /// <summary>Column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetters(int columnIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(columnIndex, MaxColumns);

        Span<char> letters = stackalloc char[3];
        var position = letters.Length;
        var n = columnIndex + 1;
        while (n > 0)
        {
            var remainder = (n - 1) % 26;
            letters[--position] = (char)('A' + remainder);
            n = (n - 1) / 26;
        }

        return new string(letters[position..]);
    }

    public static string Cell(int columnIndex, int rowNumber) =>
        ColumnLetters(columnIndex) + rowNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Zero-based column index from a reference such as "BC12", or -1 when the reference has no
    /// column letters (some producers omit them).
    /// </summary>
    public static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (upper - 'A' + 1);
            letters++;
            if (index > MaxColumns)
            {
                return -1;
            }
        }

        return letters == 0 ? -1 : index - 1;
    }
}
