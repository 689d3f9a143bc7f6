namespace Portal.Core.Rag;

/// <summary>
/// The words and colours for <see cref="RagStatus"/>, kept in one place so that the web pages,
/// exports and imports agree. Colour is never the only signal: the word is always shown with it.
/// </summary>
public static class RagStatusWords
{
    public static string ToWord(this RagStatus status) => status switch
    {
        RagStatus.Red => "Red",
        RagStatus.Amber => "Amber",
        RagStatus.Green => "Green",
        RagStatus.Complete => "Complete",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown RAG status."),
    };

    /// <summary>Reads a word typed by a person ("amber", " Green ") back into a status.</summary>
    public static bool TryParseWord(string? word, out RagStatus status)
    {
        var trimmed = word?.Trim();
        foreach (var candidate in Enum.GetValues<RagStatus>())
        {
            if (string.Equals(candidate.ToWord(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>
    /// Background colour as RRGGBB hex. These are the light fills office users already know from
    /// Excel's Good/Neutral/Bad styles, with a light blue for Complete.
    /// </summary>
    public static string FillHex(this RagStatus status) => status switch
    {
        RagStatus.Red => "FFC7CE",
        RagStatus.Amber => "FFEB9C",
        RagStatus.Green => "C6EFCE",
        RagStatus.Complete => "BDD7EE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown RAG status."),
    };

    /// <summary>
    /// Text colour as RRGGBB hex: dark shades of each hue chosen so the word has at least
    /// WCAG AA contrast (4.5:1) on its fill. Excel's own amber text (9C5700) only just passes,
    /// so amber is darker here.
    /// </summary>
    public static string TextHex(this RagStatus status) => status switch
    {
        RagStatus.Red => "9C0006",
        RagStatus.Amber => "7F4700",
        RagStatus.Green => "006100",
        RagStatus.Complete => "1F3864",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown RAG status."),
    };
}
