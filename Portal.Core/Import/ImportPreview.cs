using System.Globalization;

namespace Portal.Core.Import;

/// <summary>
/// What an import found, for the person to check before anything is saved: file-level problems,
/// and every row with its item (when it could be read) and its errors. Nothing has been written
/// anywhere; the caller saves <see cref="ValidItems"/> once the person confirms.
/// </summary>
public sealed class ImportPreview<T>
    where T : class
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    internal ImportPreview(string fileName, IReadOnlyList<string> fileErrors, IReadOnlyList<ImportPreviewRow<T>> rows)
    {
        FileName = fileName;
        FileErrors = fileErrors;
        Rows = rows;
    }

    public string FileName { get; }

    /// <summary>Problems with the whole file (size, type, missing columns). When there are any, <see cref="Rows"/> is empty.</summary>
    public IReadOnlyList<string> FileErrors { get; }

    public IReadOnlyList<ImportPreviewRow<T>> Rows { get; }

    public bool HasErrors => FileErrors.Count > 0 || Rows.Any(r => !r.IsValid);

    public IReadOnlyList<T> ValidItems => Rows.Where(r => r.IsValid).Select(r => r.Item!).ToList();

    public int ErrorRowCount => Rows.Count(r => !r.IsValid);

    /// <summary>File errors, then row errors in row order: the list to show above the preview.</summary>
    public IEnumerable<string> AllErrors => FileErrors.Concat(Rows.SelectMany(r => r.Errors));

    /// <summary>
    /// Reports rows that share a key within the file (for example the same case reference twice).
    /// Every row involved gets an error naming the others, since only the person knows which
    /// one is right. Rows without an item or with a null key are ignored. String keys are
    /// compared ignoring case unless a comparer is given.
    /// </summary>
    public ImportPreview<T> FlagDuplicates<TKey>(Func<T, TKey?> key, string columnName, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(columnName);
        comparer ??= typeof(TKey) == typeof(string)
            ? (IEqualityComparer<TKey>)StringComparer.OrdinalIgnoreCase
            : EqualityComparer<TKey>.Default;

        var groups = Rows
            .Where(r => r.Item is not null)
            .Select(r => (Row: r, Key: key(r.Item!)))
            .Where(x => x.Key is not null)
            .GroupBy(x => x.Key!, comparer)
            .Where(g => g.Count() > 1);

        foreach (var group in groups)
        {
            var rows = group.ToList();
            foreach (var (row, rowKey) in rows)
            {
                var others = rows.Where(x => x.Row != row).Select(x => x.Row.RowNumber);
                row.Source.AddError(ImportMessages.Duplicate(columnName, string.Format(UkCulture, "{0}", rowKey), others));
            }
        }

        return this;
    }
}

/// <summary>A row of the preview: the item made from it (null when its cells had errors) and its errors.</summary>
public sealed class ImportPreviewRow<T>
    where T : class
{
    internal ImportPreviewRow(ImportedRow source, T? item)
    {
        Source = source;
        Item = item;
    }

    public int RowNumber => Source.RowNumber;

    public T? Item { get; }

    public IReadOnlyList<string> Errors => Source.Errors;

    public bool IsValid => Item is not null && !Source.HasErrors;

    /// <summary>The parsed cells, including what each showed, for displaying rows with errors.</summary>
    public ImportedRow Source { get; }
}
