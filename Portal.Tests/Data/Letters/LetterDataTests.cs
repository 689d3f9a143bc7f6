using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Portal.App.Features;
using Portal.App.Features.Providers;
using Portal.Core.Auditing;
using Portal.Core.Letters;
using Portal.Core.Organisations;
using Portal.Core.Providers;
using Portal.Tests.Data.Providers;
using Portal.Tests.Support;

namespace Portal.Tests.Data.Letters;

/// <summary>Letters made for the demo processes through the app's own services, read back from the stored .docx.</summary>
public sealed class LetterDataTests
{
    internal static async Task<Guid> DemoProcessAsync(TestApp app, string providerName)
    {
        await using var db = await app.CreateDbContextAsync();
        var providerId = await db.Providers.Where(p => p.Name == providerName).Select(p => p.Id).SingleAsync();
        return await db.QualityProcesses.IgnoreAutoIncludes().Where(q => q.ProviderId == providerId && q.Stage != ProcessStage.Completed)
            .Select(q => q.Id).SingleAsync();
    }

    /// <summary>The draft's values, with what the record cannot know typed in as a person would.</summary>
    internal static Dictionary<string, string> Completed(ProcessLetters.LetterDraft draft, params (string Field, string Value)[] typed)
    {
        var values = draft.Fields.ToDictionary(f => f.Name, f => f.Value ?? "");
        foreach (var (field, value) in typed)
            values[field] = value;
        return values;
    }

    /// <summary>The document's body text as a reader sees it: a paragraph a line, line breaks kept.</summary>
    internal static string BodyText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Select(p => string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }))));
    }

    [Fact]
    public async Task The_Appendix_Six_notification_for_a_demo_process_is_filled_from_the_record_and_kept_with_who_made_it()
    {
        await using var app = await TestApp.StartAsync();
        var processId = await DemoProcessAsync(app, "Meadow View Care Home");
        await app.SignInAs(PortalRole.QualityLead);
        await using var scope = app.CreateScope();
        var processes = scope.ServiceProvider.GetRequiredService<ProviderProcesses>();
        var version = (await processes.GetAsync(processId))!.Process.Version;
        Assert.True((await processes.ScheduleMeetingAsync(processId, version, MeetingKind.SafetyAndImprovementReconvened,
            new DateTime(2026, 12, 8, 14, 30, 0), "Priory House, Chicksands", "Sam Hughes", null)).Succeeded);
        var letters = scope.ServiceProvider.GetRequiredService<ProcessLetters>();

        var draft = (await letters.DraftAsync(processId, LetterKind.ProviderNotification))!;
        Assert.Null(draft.NotAllowed);
        var prefilled = draft.Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("Meadow Care Group Ltd", prefilled[LetterFields.Owner]);
        Assert.Equal("23 November 2026", prefilled[LetterFields.LetterDate]);
        Assert.Equal("8 December 2026", prefilled[LetterFields.MeetingDate]);
        Assert.Equal("2:30pm", prefilled[LetterFields.MeetingTime]);
        Assert.Null(prefilled[LetterFields.AreaManager]);
        Assert.True(draft.Fields.Single(f => f.Name == LetterFields.AreaManager).Required);
        Assert.False(draft.Fields.Single(f => f.Name == LetterFields.CqcInspectionDate).Required);

        var (result, letterId) = await letters.GenerateAsync(processId, LetterKind.ProviderNotification,
            Completed(draft, (LetterFields.AreaManager, "Dana Whitfield"), (LetterFields.ContactPhone, "0300 300 8000")));
        Assert.True(result.Succeeded, result.Error);

        var file = (await letters.DownloadAsync(letterId!.Value))!;
        Assert.Equal("Appendix Six Notification template - Meadow View Care Home - 2026-11-23.docx", file.FileName);
        var text = BodyText(file.Content);
        Assert.Contains("Area Manager: Dana Whitfield", text);
        Assert.Contains("Date: 23 November 2026", text);
        Assert.Contains("Dear Meadow Care Group Ltd,", text);
        Assert.Contains("These homes include; Meadow View Care Home.", text);
        Assert.Contains("The Safety and Improvement meeting will be held on 8 December 2026 at 2:30pm at Priory House, Chicksands.", text);
        Assert.Contains("please contact Grace Okafor at qualitylead@demo.portal.local, or alternatively via telephone on 0300 300 8000.", text);
        // The reasons are the threshold evidence the MDMM relied on; the demo safeguarding concern has no visit after it, so that paragraph is left out.
        Assert.Contains("Patterns or trends in care delivery where remedial action is not taken", text);
        Assert.DoesNotContain("representatives from the council visited the home", text);
        Assert.DoesNotContain("{{", text);

        var row = Assert.Single(await letters.ListAsync(processId));
        Assert.Equal((letterId.Value, "Grace Okafor", LetterKind.ProviderNotification), (row.Id, row.GeneratedBy, row.Kind));
        Assert.Equal(app.Clock.GetUtcNow(), row.GeneratedAt);
        await using var db = await app.CreateDbContextAsync();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(GeneratedLetter) && a.EntityKey == letterId.Value.ToString());
        Assert.Equal((AuditAction.Inserted, "Grace Okafor"), (audit.Action, audit.ActorName));
    }

    [Fact]
    public async Task A_letter_with_missing_values_is_refused_naming_them_and_nothing_is_kept()
    {
        await using var app = await TestApp.StartAsync();
        var processId = await DemoProcessAsync(app, "Meadow View Care Home");
        await app.SignInAs(PortalRole.BusinessSupport);
        await using var scope = app.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<ProcessLetters>();
        var draft = (await letters.DraftAsync(processId, LetterKind.SelfFunder))!;

        var (result, id) = await letters.GenerateAsync(processId, LetterKind.SelfFunder, Completed(draft));

        Assert.Null(id);
        Assert.Equal("Fill in area manager and name of the person the letter is to before the letter can be made.", result.Error);
        Assert.Empty(await letters.ListAsync(processId));
    }

    [Fact]
    public async Task The_GP_letter_is_refused_before_the_MDMM_stage_and_made_at_it()
    {
        await using var app = await TestApp.StartAsync();
        var atQam = await DemoProcessAsync(app, "Riverside Lodge");
        var atMdmm = await DemoProcessAsync(app, "Brookfield Home Care");
        await app.SignInAs(PortalRole.QualityLead);
        await using var scope = app.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<ProcessLetters>();

        var early = (await letters.DraftAsync(atQam, LetterKind.GpNotification))!;
        Assert.StartsWith("The GP practice is notified when a Multi-agency Decision Making Meeting is taking place.", early.NotAllowed);
        var (refused, _) = await letters.GenerateAsync(atQam, LetterKind.GpNotification, Completed(early, (LetterFields.AreaManager, "Dana Whitfield"), (LetterFields.ContactPhone, "0300 300 8000")));
        Assert.Equal(early.NotAllowed, refused.Error);

        var draft = (await letters.DraftAsync(atMdmm, LetterKind.GpNotification))!;
        var (made, id) = await letters.GenerateAsync(atMdmm, LetterKind.GpNotification, Completed(draft, (LetterFields.AreaManager, "Dana Whitfield"), (LetterFields.ContactPhone, "0300 300 8000")));
        Assert.True(made.Succeeded, made.Error);
        var text = BodyText((await letters.DownloadAsync(id!.Value))!.Content);
        Assert.Contains("Re: Brookfield Home Care", text);
        Assert.Contains("According to the CCG records you are the practice providing medical services to Brookfield Home Care.", text);
        Assert.Contains("Missed and late home care calls; two safeguarding enquiries.", text);
        Assert.Contains("The officer coordinating communication for this work is: Grace Okafor, Practice Quality Lead", text);
    }

    [Fact]
    public async Task Letters_are_scoped_to_the_processs_organisation()
    {
        await using var app = await TestApp.StartAsync();
        var processId = await DemoProcessAsync(app, "Meadow View Care Home");
        await app.SignInAs(PortalRole.QualityLead);
        Guid letterId;
        await using (var scope = app.CreateScope())
        {
            var letters = scope.ServiceProvider.GetRequiredService<ProcessLetters>();
            var draft = (await letters.DraftAsync(processId, LetterKind.SelfFunder))!;
            var (result, id) = await letters.GenerateAsync(processId, LetterKind.SelfFunder,
                Completed(draft, (LetterFields.AreaManager, "Dana Whitfield"), (LetterFields.RecipientName, "Mrs Joan Smith")));
            Assert.True(result.Succeeded, result.Error);
            letterId = id!.Value;
        }

        await app.SignInAs(await ProviderDataTests.OtherOrganisationUserAsync(app, PortalRole.QualityLead));
        await using (var scope = app.CreateScope())
        {
            var letters = scope.ServiceProvider.GetRequiredService<ProcessLetters>();
            Assert.Null(await letters.DownloadAsync(letterId));
            Assert.Empty(await letters.ListAsync(processId));
            Assert.Null(await letters.DraftAsync(processId, LetterKind.SelfFunder));
            var (result, _) = await letters.GenerateAsync(processId, LetterKind.SelfFunder, new Dictionary<string, string>());
            Assert.Equal("That process is not in your organisation.", result.Error);
        }

        await app.SignInAs(PortalRole.VisitingProfessional);
        await using (var scope = app.CreateScope())
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<ProcessLetters>().DownloadAsync(letterId));
    }

    [Fact]
    public async Task An_administrator_changes_the_wording_unknown_fields_are_refused_and_the_original_can_be_restored()
    {
        await using var app = await TestApp.StartAsync();
        var processId = await DemoProcessAsync(app, "Meadow View Care Home");
        await app.SignInAs(PortalRole.Administrator);
        await using var scope = app.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<LetterTemplateAdmin>();
        var original = await admin.GetAsync(LetterKind.SelfFunder);
        Assert.False(original.IsOwnWording);

        var refused = await admin.SaveAsync(LetterKind.SelfFunder, null, "Dear {{RecipientName}},\n\nYour home {{Home}} has been rated.");
        Assert.Equal("The letter uses {{Home}}, which is not a field the portal can fill. Check the spelling against the list of fields (capital letters count).", refused.Error);

        Assert.True((await admin.SaveAsync(LetterKind.SelfFunder, null, "Dear {{RecipientName}},\n\nLuton Borough Council offers you an assessment at {{CareHome}}.")).Succeeded);
        var own = await admin.GetAsync(LetterKind.SelfFunder);
        Assert.True(own.IsOwnWording);
        Assert.Equal("Adam Price", own.UpdatedBy);
        Assert.Equal(ServiceResultExtensions.ConcurrencyMessage, (await admin.SaveAsync(LetterKind.SelfFunder, own.Version!.Value + 1, "Dear {{RecipientName}},")).Error);

        await app.SignInAs(PortalRole.QualityLead);
        await using (var letterScope = app.CreateScope())
        {
            var letters = letterScope.ServiceProvider.GetRequiredService<ProcessLetters>();
            var draft = (await letters.DraftAsync(processId, LetterKind.SelfFunder))!;
            Assert.Equal([LetterFields.RecipientName, LetterFields.CareHome], draft.Fields.Select(f => f.Name));
            var (_, id) = await letters.GenerateAsync(processId, LetterKind.SelfFunder, Completed(draft, (LetterFields.RecipientName, "Mrs Joan Smith")));
            Assert.Equal("Dear Mrs Joan Smith,\nLuton Borough Council offers you an assessment at Meadow View Care Home.", BodyText((await letters.DownloadAsync(id!.Value))!.Content));
        }

        await app.SignInAs(PortalRole.Administrator);
        Assert.True((await admin.RestoreOriginalAsync(LetterKind.SelfFunder, own.Version!.Value)).Succeeded);
        var restored = await admin.GetAsync(LetterKind.SelfFunder);
        Assert.False(restored.IsOwnWording);
        Assert.Equal(DefaultLetterTemplates.SelfFunder, restored.Body);

        await app.SignInAs(PortalRole.QualityLead);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.GetAsync(LetterKind.SelfFunder));
    }

    [LibreOfficeFact]
    public async Task A_generated_letter_opens_in_LibreOffice_with_its_fields_filled()
    {
        await using var app = await TestApp.StartAsync();
        var processId = await DemoProcessAsync(app, "Meadow View Care Home");
        await app.SignInAs(PortalRole.QualityLead);
        await using var scope = app.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<ProcessLetters>();
        var draft = (await letters.DraftAsync(processId, LetterKind.ProviderNotification))!;
        var (result, id) = await letters.GenerateAsync(processId, LetterKind.ProviderNotification, Completed(draft,
            (LetterFields.AreaManager, "Dana Whitfield"), (LetterFields.ContactPhone, "0300 300 8000"),
            (LetterFields.MeetingDate, "8 December 2026"), (LetterFields.MeetingTime, "2:30pm"), (LetterFields.MeetingPlace, "Priory House, Chicksands")));
        Assert.True(result.Succeeded, result.Error);
        var file = (await letters.DownloadAsync(id!.Value))!;

        var directory = Path.Combine(Path.GetTempPath(), "portal-letter-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var docx = Path.Combine(directory, "letter.docx");
            await File.WriteAllBytesAsync(docx, file.Content);

            var pdf = await LibreOffice.ConvertAsync(docx, "pdf", directory);
            var header = new byte[5];
            await using (var stream = File.OpenRead(pdf))
                Assert.Equal(5, await stream.ReadAsync(header));
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(header));

            // What LibreOffice itself reads from the document: the fields are filled, none left as placeholders.
            var text = await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(docx, "txt:Text", directory));
            Assert.Contains("Dear Meadow Care Group Ltd,", text);
            Assert.Contains("The Safety and Improvement meeting will be held on 8 December 2026 at 2:30pm at Priory House, Chicksands.", text);
            Assert.Contains("Area Manager: Dana Whitfield", text);
            Assert.DoesNotContain("{{", text);
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
