using System.Text;

namespace Portal.Core.Excel;

/// <summary>
/// Excel's rules for sheet (tab) names. A name that breaks them makes Excel "repair" the file,
/// which looks to the person like the Portal produced a broken download.
/// </summary>
public static class ExcelSheetName
{
    public const int MaxLength = 31;

    private static readonly char[] Forbidden = [':', '\\', '/', '?', '*', '[', ']'];

    /// <summary>Plain-English reason why <paramref name="name"/> cannot be a sheet name, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "A sheet name cannot be blank.";
        }

        if (name.Length > MaxLength)
        {
            return $"The sheet name '{name}' is longer than {MaxLength} characters.";
        }

        if (name.IndexOfAny(Forbidden) >= 0)
        {
            return $"The sheet name '{name}' contains one of : \\ / ? * [ ].";
        }

        if (name.StartsWith('\'') || name.EndsWith('\''))
        {
            return $"The sheet name '{name}' cannot start or end with an apostrophe.";
        }

        if (string.Equals(name, "History", StringComparison.OrdinalIgnoreCase))
        {
            return "Excel reserves the sheet name 'History'.";
        }

        return null;
    }

    /// <summary>
    /// Turns any text (for example a provider's name) into a valid sheet name: forbidden
    /// characters become spaces and the result is cut to 31 characters.
    /// </summary>
    public static string Clean(string? text, string fallback = "Sheet")
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            builder.Append(Array.IndexOf(Forbidden, c) >= 0 || char.IsControl(c) ? ' ' : c);
        }

        var cleaned = builder.ToString().Trim().Trim('\'').Trim();
        if (cleaned.Length > MaxLength)
        {
            cleaned = cleaned[..MaxLength].TrimEnd().TrimEnd('\'').TrimEnd();
        }

        return Problem(cleaned) is null ? cleaned : fallback;
    }
}
