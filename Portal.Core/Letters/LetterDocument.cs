namespace Portal.Core.Letters;

public enum LetterBlockKind
{
    Paragraph,
    Heading,
    Subheading,
    Bullet,
}

/// <summary>A stretch of text, bold or not. A line break inside the text is a line break in the letter.</summary>
public sealed record LetterRun(string Text, bool Bold);

public sealed record LetterBlock(LetterBlockKind Kind, IReadOnlyList<LetterRun> Runs)
{
    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>A letter with every field filled, ready to be written as a document.</summary>
public sealed record LetterDocument(string Title, IReadOnlyList<LetterBlock> Blocks)
{
    /// <summary>The letter as plain text, a paragraph a line: what a reader of the document sees.</summary>
    public string PlainText => string.Join("\n", Blocks.Select(b => b.Kind == LetterBlockKind.Bullet ? "• " + b.Text : b.Text));
}
