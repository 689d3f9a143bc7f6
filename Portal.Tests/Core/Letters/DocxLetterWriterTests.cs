using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Core.Letters;

namespace Portal.Tests.Core.Letters;

public sealed class DocxLetterWriterTests
{
    private static readonly LetterDocument Letter = new("Appendix Six: Notification template",
    [
        new(LetterBlockKind.Paragraph, [new LetterRun("Adult Care Services\nEast and North Area Team OP", true), new LetterRun("\nSFAR215", false)]),
        new(LetterBlockKind.Heading, [new LetterRun("RE: Safety and Improvement Process Meeting", false)]),
        new(LetterBlockKind.Subheading, [new LetterRun("Reasons for initiating the Safety and Improvement Process:", false)]),
        new(LetterBlockKind.Bullet, [new LetterRun("Falls at night & low staffing <east wing>", false)]),
        new(LetterBlockKind.Paragraph, [new LetterRun("Held on 4 December 2026 at 10:00am.", false)]),
    ]);

    [Fact]
    public void The_document_holds_the_letter_as_headings_bullets_and_paragraphs_in_British_English()
    {
        var bytes = DocxLetterWriter.Write(Letter, "Beth Support");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Equal(5, paragraphs.Count);
        Assert.Equal("Adult Care Services\nEast and North Area Team OP\nSFAR215", Text(paragraphs[0]));
        Assert.NotNull(paragraphs[0].Elements<Run>().First().RunProperties?.Bold);
        Assert.Null(paragraphs[0].Elements<Run>().Last().RunProperties?.Bold);
        Assert.Equal("Heading1", paragraphs[1].ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        Assert.Equal("Heading2", paragraphs[2].ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        Assert.NotNull(paragraphs[3].ParagraphProperties?.NumberingProperties);
        Assert.Equal("Falls at night & low staffing <east wing>", Text(paragraphs[3]));
        Assert.Null(paragraphs[4].ParagraphProperties?.NumberingProperties);

        Assert.Equal("Appendix Six: Notification template", document.PackageProperties.Title);
        Assert.Equal("Beth Support", document.PackageProperties.Creator);
        var language = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<Languages>().Single();
        Assert.Equal("en-GB", language.Val?.Value);
        var page = document.MainDocumentPart.Document.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.Equal((11906U, 16838U), (page.Width!.Value, page.Height!.Value));
    }

    [Fact]
    public void Control_characters_pasted_into_a_field_do_not_break_the_file()
    {
        var letter = new LetterDocument("Letter", [new(LetterBlockKind.Paragraph, [new LetterRun("Before\u0001\u000bafter", false)])]);

        var bytes = DocxLetterWriter.Write(letter, "Beth Support");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Equal("Beforeafter", Text(document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Single()));
    }

    /// <summary>A paragraph's text as a reader sees it: text runs, with each line break as a new line.</summary>
    internal static string Text(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }));
}
