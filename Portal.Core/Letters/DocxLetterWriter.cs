using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Core.Letters;

/// <summary>
/// Writes a filled letter as a Word document (.docx) with the Open XML SDK: A4, British English, real
/// heading styles and a real bulleted list, so the letter reads properly in Word, LibreOffice and a
/// screen reader, and the person can still edit it before it is sent.
/// </summary>
public static class DocxLetterWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int BulletNumberingId = 1;

    public static byte[] Write(LetterDocument letter, string author)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var stream = new MemoryStream();
        // The SDK needs a seekable stream it can read back; letters are small, so memory is fine.
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddBulletNumbering(main);
            var body = new Body();
            foreach (var block in letter.Blocks)
                body.Append(Paragraph(block));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);

            document.PackageProperties.Title = letter.Title;
            document.PackageProperties.Creator = author;
            document.PackageProperties.Language = "en-GB";
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(LetterBlock block)
    {
        var properties = new ParagraphProperties();
        switch (block.Kind)
        {
            case LetterBlockKind.Heading:
                properties.Append(new ParagraphStyleId { Val = "Heading1" });
                break;
            case LetterBlockKind.Subheading:
                properties.Append(new ParagraphStyleId { Val = "Heading2" });
                break;
            case LetterBlockKind.Bullet:
                properties.Append(new ParagraphStyleId { Val = "ListBullet" });
                properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId }));
                break;
        }
        var paragraph = new Paragraph(properties);
        foreach (var run in block.Runs)
            paragraph.Append(Run(run));
        return paragraph;
    }

    private static Run Run(LetterRun letterRun)
    {
        var run = new Run();
        if (letterRun.Bold)
            run.Append(new RunProperties(new Bold()));
        var lines = letterRun.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                run.Append(new Break());
            run.Append(new Text(XmlSafe(lines[i])) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    /// <summary>XML 1.0 cannot hold most control characters; a pasted one would make the file unreadable.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c != '\t') ? new string(text.Where(c => !char.IsControl(c) || c == '\t').ToArray()) : text;

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "200", Line = "264", LineRule = LineSpacingRuleValues.Auto })));

        static Style ParagraphStyle(string id, string name, bool isDefault, params OpenXmlElement[] runProperties)
        {
            var style = new Style(new StyleName { Val = name }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = id };
            if (isDefault) style.Default = true;
            else style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
            if (runProperties.Length > 0) style.Append(new StyleRunProperties(runProperties));
            return style;
        }

        var heading1 = ParagraphStyle("Heading1", "heading 1", false, new Bold(), new FontSize { Val = "26" });
        heading1.InsertBefore(new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "200" }, new OutlineLevel { Val = 0 }),
            heading1.GetFirstChild<StyleRunProperties>());
        var heading2 = ParagraphStyle("Heading2", "heading 2", false, new Bold(), new FontSize { Val = "24" });
        heading2.InsertBefore(new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200", After = "120" }, new OutlineLevel { Val = 1 }),
            heading2.GetFirstChild<StyleRunProperties>());
        var bullet = ParagraphStyle("ListBullet", "List Bullet", false);
        bullet.Append(new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }));

        stylesPart.Styles = new Styles(defaults, ParagraphStyle("Normal", "Normal", true), heading1, heading2, bullet);
        stylesPart.Styles.Save();
    }

    private static void AddBulletNumbering(MainDocumentPart main)
    {
        var numberingPart = main.AddNewPart<NumberingDefinitionsPart>();
        var level = new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = NumberFormatValues.Bullet },
            new LevelText { Val = "•" },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }),
            new NumberingSymbolRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", Hint = FontTypeHintValues.Default }))
        { LevelIndex = 0 };
        numberingPart.Numbering = new Numbering(
            new AbstractNum(new MultiLevelType { Val = MultiLevelValues.SingleLevel }, level) { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });
        numberingPart.Numbering.Save();
    }
}
