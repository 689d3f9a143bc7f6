using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Portal.Core.Import;

/// <summary>
/// Reads an uploaded .xlsx or .csv against an <see cref="ImportSchema"/> into an
/// <see cref="ImportPreview{T}"/>. It only parses: nothing is saved, so the person can check the
/// preview and fix their file first.
/// </summary>
/// <remarks>
/// The upload is copied into memory (at most <see cref="ImportLimits.MaxFileBytes"/>), because an
/// .xlsx is a zip whose directory is at the end and browser upload streams cannot seek.
/// Rows are then read one at a time. The first non-blank row is the header row.
/// </remarks>
/// <example>
/// <code>
/// var preview = (await SpreadsheetImporter.ReadAsync(file, schema, row => new CaseLine(
///         row.Text("Case reference")!, row.Date("Date of work")!.Value, row.Choice("Team")!)))
///     .FlagDuplicates(c => c.Reference, "Case reference");
/// </code>
/// </example>
public static class SpreadsheetImporter
{
    /// <summary>Reads the rows without mapping them: each item is the <see cref="ImportedRow"/> itself.</summary>
    public static Task<ImportPreview<ImportedRow>> ReadAsync(ImportFile file, ImportSchema schema, CancellationToken cancellationToken = default) =>
        ReadAsync(file, schema, row => row, cancellationToken);

    /// <summary>
    /// Reads the rows and maps each row whose cells all passed their rules with
    /// <paramref name="map"/>. The map may add its own errors with <see cref="ImportedRow.AddError"/>,
    /// or return null for a row it cannot use (after adding an error saying why).
    /// </summary>
    public static async Task<ImportPreview<T>> ReadAsync<T>(
        ImportFile file,
        ImportSchema schema,
        Func<ImportedRow, T?> map,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(map);
        if (schema.Columns.Count == 0)
        {
            throw new ArgumentException("The schema declares no columns.", nameof(schema));
        }

        var extension = Path.GetExtension(file.FileName ?? string.Empty).ToLowerInvariant();
        if (!ImportLimits.AllowedExtensions.Contains(extension))
        {
            return Failed<T>(file, ImportMessages.WrongFileType);
        }

        if (file.Length > ImportLimits.MaxFileBytes)
        {
            return Failed<T>(file, ImportMessages.FileTooLarge);
        }

        var bytes = await ReadLimitedAsync(file.Content, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return Failed<T>(file, ImportMessages.FileTooLarge);
        }

        if (bytes.Length == 0)
        {
            return Failed<T>(file, ImportMessages.EmptyFile);
        }

        var isXlsx = extension == ".xlsx";
        try
        {
            using var sheet = isXlsx
                ? (ISourceSheet)XlsxSourceSheet.Open(new MemoryStream(bytes, writable: false), schema.SheetName)
                : new CsvSourceSheet(bytes);
            return ReadRows(file, schema, sheet, map, cancellationToken);
        }
        catch (ImportFileException problem)
        {
            return Failed<T>(file, problem.Message);
        }
        catch (Exception ex) when (IsUnreadableFile(ex))
        {
            return Failed<T>(file, isXlsx ? ImportMessages.NotAWorkbook : ImportMessages.NotACsv);
        }
    }

    private static ImportPreview<T> ReadRows<T>(ImportFile file, ImportSchema schema, ISourceSheet sheet, Func<ImportedRow, T?> map, CancellationToken cancellationToken)
        where T : class
    {
        using var rows = sheet.Rows().Where(r => !r.IsBlank).GetEnumerator();
        if (!rows.MoveNext())
        {
            return Failed<T>(file, ImportMessages.NoHeaderRow(schema.Columns));
        }

        var header = rows.Current;
        var (positions, headerErrors) = MatchHeader(header, schema);
        if (headerErrors.Count > 0)
        {
            return new ImportPreview<T>(file.FileName, headerErrors, []);
        }

        var preview = new List<ImportPreviewRow<T>>();
        while (rows.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (preview.Count == ImportLimits.MaxDataRows)
            {
                return Failed<T>(file, ImportMessages.TooManyRows);
            }

            var row = rows.Current;
            var imported = new ImportedRow(row.RowNumber, schema);
            foreach (var column in schema.Columns)
            {
                var cell = positions.TryGetValue(column, out var index) ? row[index] : SourceCell.Empty;
                var result = CellConverter.Convert(cell, column, sheet.Date1904);
                imported.Set(column, result.Value, result.Original);
                if (result.Error is not null)
                {
                    imported.AddError(result.Error);
                }
            }

            var item = imported.HasErrors ? null : map(imported);
            preview.Add(new ImportPreviewRow<T>(imported, item));
        }

        return preview.Count == 0
            ? Failed<T>(file, ImportMessages.NoDataRows)
            : new ImportPreview<T>(file.FileName, [], preview);
    }

    /// <summary>Where each declared column is in the file, or why the header row cannot be used.</summary>
    private static (Dictionary<ImportColumn, int> Positions, List<string> Errors) MatchHeader(SourceRow header, ImportSchema schema)
    {
        var positions = new Dictionary<ImportColumn, int>();
        var errors = new List<string>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = CellConverter.DisplayText(header.Cells[i]);
            if (schema.Find(name) is not { } column)
            {
                continue;
            }

            if (!positions.TryAdd(column, i))
            {
                var message = ImportMessages.DuplicateColumn(column.Name, header.RowNumber);
                if (!errors.Contains(message))
                {
                    errors.Add(message);
                }
            }
        }

        var missing = schema.Columns.Where(c => c.Required && !positions.ContainsKey(c)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            errors.Add(ImportMessages.MissingColumns(missing, header.RowNumber));
        }

        return (positions, errors);
    }

    /// <summary>The whole upload, or null as soon as it passes the size limit, whatever length was declared.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > ImportLimits.MaxFileBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ImportPreview<T> Failed<T>(ImportFile file, string error)
        where T : class => new(file.FileName ?? string.Empty, [error], []);

    /// <summary>The exceptions a damaged, mislabelled or hostile file produces, as opposed to bugs.</summary>
    private static bool IsUnreadableFile(Exception ex) =>
        ex is InvalidDataException or OpenXmlPackageException or FormatException or XmlException or CsvHelper.CsvHelperException;
}
