using Portal.Core;
using Portal.Core.Letters;
using Portal.Tests.Core.Providers;

namespace Portal.Tests.Core.Letters;

public sealed class LetterTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static LetterTemplate Template(string body) => new(Guid.NewGuid(), LetterKind.ProviderNotification, body, "Ada Admin", Now);

    private static Dictionary<string, string> Values(params (string Field, string Value)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Value);

    [Fact]
    public void Every_field_is_replaced_by_its_value()
    {
        var template = Template("Dear {{Owner}},\n\nThe meeting will be held on {{MeetingDate}} at {{MeetingTime}} at {{MeetingPlace}}.");

        var letter = template.Fill(Values((LetterFields.Owner, "Meadow Care Group Ltd"), (LetterFields.MeetingDate, "4 December 2026"),
            (LetterFields.MeetingTime, "10:00am"), (LetterFields.MeetingPlace, "Priory House, Chicksands")));

        Assert.Equal(["Dear Meadow Care Group Ltd,", "The meeting will be held on 4 December 2026 at 10:00am at Priory House, Chicksands."],
            letter.Blocks.Select(b => b.Text));
        Assert.DoesNotContain("{{", letter.PlainText);
    }

    [Fact]
    public void Filling_reports_every_missing_value_by_its_plain_English_name()
    {
        var template = Template("Dear {{Owner}},\n\nHeld at {{MeetingPlace}} on {{MeetingDate}}.");
        var values = Values((LetterFields.Owner, "Meadow Care Group Ltd"), (LetterFields.MeetingDate, "  "));

        Assert.Equal([LetterFields.MeetingPlace, LetterFields.MeetingDate], template.MissingValues(values));
        var refusal = Assert.Throws<DomainRuleException>(() => template.Fill(values));
        Assert.Equal("Fill in place of the meeting and date of the meeting before the letter can be made.", refusal.Message);
    }

    [Fact]
    public void An_optional_paragraph_is_left_out_when_its_fields_have_no_value_and_kept_when_they_do()
    {
        var template = Template("Dear {{Owner}},\n\n? On {{CqcInspectionDate}} CQC inspected {{CareHome}}.\n\nYours Sincerely,");

        Assert.Equal([LetterFields.Owner], template.RequiredFields);
        var without = template.Fill(Values((LetterFields.Owner, "Owner Ltd"), (LetterFields.CareHome, "Meadow View")));
        Assert.Equal(["Dear Owner Ltd,", "Yours Sincerely,"], without.Blocks.Select(b => b.Text));

        var with = template.Fill(Values((LetterFields.Owner, "Owner Ltd"), (LetterFields.CareHome, "Meadow View"), (LetterFields.CqcInspectionDate, "2 May 2026")));
        Assert.Contains("On 2 May 2026 CQC inspected Meadow View.", with.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void A_value_of_several_lines_in_a_bullet_becomes_one_bullet_a_line_without_doubled_markers()
    {
        var template = Template("Reasons:\n\n- {{Reasons}}");

        var letter = template.Fill(Values((LetterFields.Reasons, "- Falls at night\n• Low staffing\n\nPoor PAMMS scores")));

        var bullets = letter.Blocks.Where(b => b.Kind == LetterBlockKind.Bullet).Select(b => b.Text).ToList();
        Assert.Equal(["Falls at night", "Low staffing", "Poor PAMMS scores"], bullets);
    }

    [Fact]
    public void Headings_bold_text_and_line_breaks_are_read_from_the_template()
    {
        var template = Template("**Adult Care Services\nEast and North Area Team OP**\nSFAR215\n\n# RE: Safety and Improvement Process Meeting\n\n## Date of Safety and Improvement Meeting");

        var blocks = template.Fill(Values()).Blocks;

        Assert.Equal([LetterBlockKind.Paragraph, LetterBlockKind.Heading, LetterBlockKind.Subheading], blocks.Select(b => b.Kind));
        Assert.Equal([new LetterRun("Adult Care Services\nEast and North Area Team OP", true), new LetterRun("\nSFAR215", false)], blocks[0].Runs);
        Assert.Equal("RE: Safety and Improvement Process Meeting", blocks[1].Text);
    }

    [Fact]
    public void A_value_is_never_read_as_template_markup()
    {
        var template = Template("Dear {{Owner}},");

        var letter = template.Fill(Values((LetterFields.Owner, "**{{CareHome}}** # Ltd")));

        var run = Assert.Single(Assert.Single(letter.Blocks).Runs);
        Assert.Equal("Dear **{{CareHome}}** # Ltd,", run.Text);
        Assert.False(run.Bold);
    }

    [Theory]
    [InlineData("Dear {{Ower}},", "The letter uses {{Ower}}, which is not a field the portal can fill.")]
    [InlineData("Dear {{owner}} and {{Homes}},", "The letter uses {{owner}} and {{Homes}}, which are not fields the portal can fill.")]
    public void A_template_naming_an_unknown_field_is_refused_in_plain_English(string body, string expectedStart)
    {
        var refusal = Assert.Throws<DomainRuleException>(() => Template(body));

        Assert.StartsWith(expectedStart, refusal.Message);
    }

    [Theory]
    [InlineData("Dear {{ Owner }},", "Paragraph 1 has a field that is not written as {{FieldName}}")]
    [InlineData("Hello\n\nDear {Owner}},", "Paragraph 2 has a field that is not written as {{FieldName}}")]
    [InlineData("**Adult Care Services", "Paragraph 1 starts bold text with ** but does not end it")]
    [InlineData("   \n  ", "The letter needs some text.")]
    public void A_malformed_template_is_refused_and_the_wording_is_kept(string body, string expectedStart)
    {
        var template = Template("Dear {{Owner}},");

        var refusal = Assert.Throws<DomainRuleException>(() => template.Edit(body, "Ada Admin", Now));

        Assert.StartsWith(expectedStart, refusal.Message);
        Assert.Equal("Dear {{Owner}},", template.Body);
    }

    [Fact]
    public void Editing_records_the_new_wording_and_who_changed_it()
    {
        var template = Template("Dear {{Owner}},");

        template.Edit("Dear {{Owner}}, about {{CareHome}}", "Beth Support", Now.AddHours(2));

        Assert.Equal("Dear {{Owner}}, about {{CareHome}}", template.Body);
        Assert.Equal([LetterFields.Owner, LetterFields.CareHome], template.Fields);
        Assert.Equal("Beth Support", template.UpdatedBy);
        Assert.Equal(Now.AddHours(2), template.UpdatedAt);
    }

    [Theory]
    [InlineData(LetterKind.ProviderNotification, "I am writing to inform you that Hertfordshire County Council would like to invite you to a multi-agency meeting")]
    [InlineData(LetterKind.ProviderNotification, "The Safety and Improvement meeting will be held on {{MeetingDate}} at {{MeetingTime}} at {{MeetingPlace}}.")]
    [InlineData(LetterKind.GpNotification, "According to the CCG records you are the practice providing medical services to {{CareHome}}.")]
    [InlineData(LetterKind.GpNotification, "(These contact details are for the use of professionals only and must not be given out to members of the general public).")]
    [InlineData(LetterKind.SelfFunder, "This assessment (which is free of charge) will help to ensure that you are receiving the appropriate support for your care needs")]
    public void The_original_templates_hold_the_seed_wording_and_only_known_fields(LetterKind kind, string seedSentence)
    {
        var template = LetterTemplate.Default(kind);

        Assert.Contains(seedSentence, template.Body);
        Assert.All(template.Fields, f => Assert.True(LetterFields.IsKnown(f), f));
        Assert.DoesNotContain("NAME", template.Body.Replace("NAME OF", "").Split(' '));
    }

    [Fact]
    public void Letters_use_british_dates_and_times()
    {
        Assert.Equal("4 December 2026", LetterFields.Date(new DateOnly(2026, 12, 4)));
        Assert.Equal("10:00am", LetterFields.Time(new TimeOnly(10, 0)));
        Assert.Equal("2:30pm", LetterFields.Time(new TimeOnly(14, 30)));
        Assert.Equal("12:00pm", LetterFields.Time(new TimeOnly(12, 0)));
        Assert.Equal("Meadow View, Oak House and Elm Lodge", LetterFields.List(["Meadow View", "Oak House", "Elm Lodge"]));
    }

    [Fact]
    public void The_GP_practice_is_written_to_from_the_MDMM_and_the_provider_only_once_the_process_is_triggered()
    {
        var qa = ProcessBuilder.InQualityAssurance();
        var mdmm = ProcessBuilder.AtMdmm();
        var triggered = ProcessBuilder.Triggered();

        Assert.Throws<DomainRuleException>(() => LetterKind.GpNotification.RequireAllowed(qa));
        LetterKind.GpNotification.RequireAllowed(mdmm);
        var refusal = Assert.Throws<DomainRuleException>(() => LetterKind.ProviderNotification.RequireAllowed(mdmm));
        Assert.Contains("threshold is met", refusal.Message);
        LetterKind.ProviderNotification.RequireAllowed(triggered);
        LetterKind.SelfFunder.RequireAllowed(triggered);
    }

    [Fact]
    public void The_file_name_names_the_letter_the_provider_and_the_date_without_unsafe_characters()
    {
        var name = GeneratedLetter.FileNameFor(LetterKind.ProviderNotification, "Meadow View / \"East\" Wing", new DateOnly(2026, 11, 23));

        Assert.Equal("Appendix Six Notification template - Meadow View East Wing - 2026-11-23.docx", name);
    }
}
