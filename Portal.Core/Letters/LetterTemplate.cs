using System.Text.RegularExpressions;

namespace Portal.Core.Letters;

/// <summary>
/// An organisation's wording of one letter, which its administrators edit. The text is plain paragraphs
/// separated by blank lines, with a few markers a non-technical person can use:
/// <list type="bullet">
/// <item>{{Field}} is replaced with a value from the record (see <see cref="LetterFields"/>);</item>
/// <item>a paragraph starting "# " is a heading, "## " a smaller heading;</item>
/// <item>lines starting "- " or "• " are bullet points;</item>
/// <item>**text** is bold;</item>
/// <item>a paragraph starting "? " is left out of the letter when any field in it has no value.</item>
/// </list>
/// An organisation that has not edited a letter uses <see cref="DefaultLetterTemplates"/>, the seed's wording.
/// </summary>
public sealed partial class LetterTemplate : Versioned
{
    public const int BodyMaxLength = 20000;
    public const int PersonNameMaxLength = 150;

    private LetterTemplate() { Body = ""; UpdatedBy = ""; }

    public LetterTemplate(Guid organisationId, LetterKind kind, string body, string updatedBy, DateTimeOffset updatedAt)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("Choose which letter this template is for.");
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Kind = kind;
        Body = "";
        UpdatedBy = "";
        Edit(body, updatedBy, updatedAt);
    }

    /// <summary>The seed's wording of a letter, for an organisation that has not written its own.</summary>
    public static LetterTemplate Default(LetterKind kind) => new()
    {
        Kind = kind,
        Body = DefaultLetterTemplates.For(kind),
        UpdatedBy = "Portal (original wording)",
    };

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public LetterKind Kind { get; private set; }
    public string Body { get; private set; }
    public string UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public string Title => Kind.Describe();

    /// <summary>The fields the template uses, in the order they first appear.</summary>
    public IReadOnlyList<string> Fields => Parse(Body).SelectMany(p => p.Fields).Distinct().ToList();

    /// <summary>The fields that must have a value (those only in "? " paragraphs may be left blank).</summary>
    public IReadOnlyList<string> RequiredFields => Parse(Body).Where(p => !p.Optional).SelectMany(p => p.Fields).Distinct().ToList();

    public void Edit(string body, string updatedBy, DateTimeOffset updatedAt)
    {
        var text = Normalise(body);
        if (text.Length == 0)
            throw new DomainRuleException("The letter needs some text.");
        if (text.Length > BodyMaxLength)
            throw new DomainRuleException($"The letter must be {BodyMaxLength:N0} characters or fewer.");
        Parse(text);
        Body = text;
        UpdatedBy = Guard.RequiredText(updatedBy, "Updated by", PersonNameMaxLength);
        UpdatedAt = updatedAt;
    }

    /// <summary>The required fields that have no value: what the person must fill in before the letter can be made.</summary>
    public IReadOnlyList<string> MissingValues(IReadOnlyDictionary<string, string> values) =>
        RequiredFields.Where(f => !HasValue(values, f)).ToList();

    /// <summary>
    /// The letter with every field replaced by its value. Refuses, naming them, when required fields have no
    /// value; leaves out "? " paragraphs whose fields are not all filled. A value of several lines becomes
    /// line breaks in a paragraph and one bullet a line in a bullet point.
    /// </summary>
    public LetterDocument Fill(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var missing = MissingValues(values);
        if (missing.Count > 0)
            throw new DomainRuleException("Fill in " + LetterFields.List(missing.Select(f => LetterFields.Get(f).Label.ToLowerInvariant()).ToList())
                + " before the letter can be made.");

        var blocks = new List<LetterBlock>();
        foreach (var paragraph in Parse(Body))
        {
            if (paragraph.Optional && paragraph.Fields.Any(f => !HasValue(values, f)))
                continue;
            foreach (var line in paragraph.Lines)
            {
                var runs = line.Runs.Select(r => r with { Text = FieldPattern().Replace(r.Text, m => Clean(values[m.Groups[1].Value])) }).ToList();
                if (line.Kind != LetterBlockKind.Bullet)
                {
                    blocks.Add(new LetterBlock(line.Kind, runs));
                    continue;
                }
                // A list typed into a field ("- one" / "- two") becomes one bullet a line, not bullets inside a bullet.
                foreach (var bullet in SplitLines(runs))
                    blocks.Add(new LetterBlock(LetterBlockKind.Bullet, bullet));
            }
        }
        return new LetterDocument(Title, blocks);
    }

    private static bool HasValue(IReadOnlyDictionary<string, string> values, string field) =>
        values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value);

    private static string Clean(string value)
    {
        var lines = Normalise(value).Split('\n').Select(l => l.TrimEnd());
        return string.Join("\n", lines);
    }

    private static IEnumerable<IReadOnlyList<LetterRun>> SplitLines(IReadOnlyList<LetterRun> runs)
    {
        var current = new List<LetterRun>();
        foreach (var run in runs)
        {
            var parts = run.Text.Split('\n');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    if (current.Any(r => r.Text.Trim().Length > 0)) yield return current;
                    current = [];
                }
                var text = current.Count == 0 ? BulletMarker().Replace(parts[i], "") : parts[i];
                if (text.Length > 0) current.Add(run with { Text = text });
            }
        }
        if (current.Any(r => r.Text.Trim().Length > 0)) yield return current;
    }

    private static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    // ---- The template language ----------------------------------------------------------------------

    private sealed record Line(LetterBlockKind Kind, IReadOnlyList<LetterRun> Runs);

    private sealed record Paragraph(bool Optional, IReadOnlyList<Line> Lines, IReadOnlyList<string> Fields);

    /// <summary>Reads the template; a mistake a person could make is refused in plain English.</summary>
    private static List<Paragraph> Parse(string body)
    {
        var unknown = new List<string>();
        var paragraphs = new List<Paragraph>();
        var number = 0;
        foreach (var chunk in BlankLines().Split(Normalise(body)).Where(c => c.Trim().Length > 0))
        {
            number++;
            var text = chunk.Trim('\n');
            var optional = text.StartsWith("? ", StringComparison.Ordinal);
            if (optional) text = text[2..].TrimStart();

            var withoutFields = FieldPattern().Replace(text, "");
            if (withoutFields.Contains("{{", StringComparison.Ordinal) || withoutFields.Contains("}}", StringComparison.Ordinal))
                throw new DomainRuleException($"Paragraph {number} has a field that is not written as {{{{FieldName}}}} (two curly brackets each side, no spaces in the name): \"{Excerpt(text)}\".");
            if (CountOf(text, "**") % 2 != 0)
                throw new DomainRuleException($"Paragraph {number} starts bold text with ** but does not end it with another **: \"{Excerpt(text)}\".");

            var fields = FieldPattern().Matches(text).Select(m => m.Groups[1].Value).ToList();
            unknown.AddRange(fields.Where(f => !LetterFields.IsKnown(f)));

            var rawLines = text.Split('\n');
            List<(LetterBlockKind Kind, string Text)> lines;
            if (text.StartsWith("## ", StringComparison.Ordinal))
                lines = [(LetterBlockKind.Subheading, text[3..])];
            else if (text.StartsWith("# ", StringComparison.Ordinal))
                lines = [(LetterBlockKind.Heading, text[2..])];
            else if (rawLines.All(l => BulletMarker().IsMatch(l)))
                lines = rawLines.Select(l => (LetterBlockKind.Bullet, BulletMarker().Replace(l, ""))).ToList();
            else
                lines = [(LetterBlockKind.Paragraph, text)];

            paragraphs.Add(new Paragraph(optional, lines.Select(l => new Line(l.Kind, Runs(l.Text))).ToList(), fields));
        }
        if (unknown.Count > 0)
        {
            var names = unknown.Distinct().Select(u => $"{{{{{u}}}}}").ToList();
            throw new DomainRuleException((names.Count == 1 ? $"The letter uses {names[0]}, which is not a field the portal can fill."
                    : $"The letter uses {LetterFields.List(names)}, which are not fields the portal can fill.")
                + " Check the spelling against the list of fields (capital letters count).");
        }
        if (paragraphs.Count == 0)
            throw new DomainRuleException("The letter needs some text.");
        return paragraphs;
    }

    /// <summary>Splits text at each ** into plain and bold runs (bold may span lines, as in a letterhead).</summary>
    private static List<LetterRun> Runs(string text)
    {
        var parts = text.Split("**");
        return parts.Select((p, i) => new LetterRun(p, Bold: i % 2 == 1)).Where(r => r.Text.Length > 0).ToList();
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    private static string Excerpt(string text) => text.Length <= 60 ? text.Replace('\n', ' ') : text[..57].Replace('\n', ' ') + "…";

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^\s*(?:-|•)\s+")]
    private static partial Regex BulletMarker();
}
