using System.Text.RegularExpressions;

namespace Portal.Core.Audits;

/// <summary>
/// Removes people's names from free text for the highlights report, which is circulated widely (seed 004:
/// "no data identifying people that use services or practitioners or auditors is published"). Each full
/// name, and each part of it of three letters or more, is replaced as a whole word, ignoring case.
/// </summary>
public static class NameRedaction
{
    public const string Placeholder = "[name removed]";

    public static string Redact(string text, IEnumerable<string> names)
    {
        var parts = names.Where(n => !string.IsNullOrWhiteSpace(n))
            .SelectMany(n => new[] { n.Trim() }.Concat(n.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Length)
            .ToList();
        if (parts.Count == 0)
            return text;
        // Look-arounds rather than \b, so names that end in punctuation ("J.S.") still match as whole words.
        var pattern = @"(?<!\w)(" + string.Join("|", parts.Select(Regex.Escape)) + @")(?!\w)";
        var redacted = Regex.Replace(text, pattern, Placeholder, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        // "[name removed] [name removed]" (first name then surname) reads better as one.
        return Regex.Replace(redacted, Regex.Escape(Placeholder) + @"(\s+" + Regex.Escape(Placeholder) + ")+", Placeholder);
    }
}
