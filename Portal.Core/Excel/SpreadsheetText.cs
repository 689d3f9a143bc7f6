namespace Portal.Core.Excel;

/// <summary>
/// Protection against formula injection (CSV injection) in anything a spreadsheet may open:
/// OWASP ASVS 5.0 requirement 1.2.10. Every Excel and CSV export writes text through
/// <see cref="Neutralise"/>.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The quote that makes a spreadsheet treat the rest of the value as plain text.</summary>
    public const char NeutralisingPrefix = '\'';

    /// <summary>
    /// Returns the value with a leading single quote when its first character could start a
    /// formula or command: '=', '+', '-', '@', tab, carriage return or NUL. Other values are
    /// returned unchanged, so ordinary text costs nothing.
    /// </summary>
    /// <remarks>
    /// The whole value is checked only at its first character because that is where Excel,
    /// LibreOffice and Google Sheets decide whether a typed or pasted cell is a formula.
    /// "-5" is neutralised too: a text column holding "-5" is text, and must stay text if the
    /// person edits the cell or saves the sheet as CSV.
    /// </remarks>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && StartsFormula(value[0]) ? NeutralisingPrefix + value : value;
    }

    /// <summary>
    /// Undoes <see cref="Neutralise"/> when a file the Portal exported comes back as an import,
    /// so that "=SUM(A1)" round-trips as itself rather than gaining a quote each time.
    /// Only a quote followed by a formula character is removed; "'Tis" keeps its apostrophe.
    /// </summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == NeutralisingPrefix && StartsFormula(value[1]) ? value[1..] : value;
    }

    private static bool StartsFormula(char first) =>
        first is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0';
}
