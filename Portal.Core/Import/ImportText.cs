using System.Text;

namespace Portal.Core.Import;

/// <summary>How people's spelling of names and values is tidied before comparing.</summary>
internal static class ImportText
{
    /// <summary>
    /// Trims and collapses runs of white space (including the non-breaking spaces Excel and web
    /// pages leave behind) to one space.
    /// </summary>
    public static string Tidy(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static bool SameName(string? a, string? b) =>
        string.Equals(Tidy(a), Tidy(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>'A', 'B' and 'C' — for listing column names in a sentence.</summary>
    public static string QuotedList(IReadOnlyList<string> names) => List(names.Select(n => $"'{n}'").ToList());

    /// <summary>A, B and C.</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>A value echoed back in an error, cut short so one long cell cannot swamp the message.</summary>
    public static string Echo(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
