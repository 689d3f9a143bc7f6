using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.App.Features.Providers;
using Portal.Core.Calendar;
using Portal.Core.Organisations;
using Portal.Tests.Browser.Infrastructure;
using Portal.Tests.Data.Letters;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Issue 4 end to end in chromium against the real portal and its demo data: a visitor's observation sheet reaches
/// the quality team's inbox; the MDMM refuses a threshold decision without its quorum and accepts it with one; the
/// deadline board counts the new deadline in working days; the Appendix Six letter is made and downloaded.
/// Every page visited is checked with axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CareProviderFlowTests(DevelopmentPortalFixture portal, ITestOutputHelper output) : IClassFixture<DevelopmentPortalFixture>
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public Task A_concern_goes_from_an_observation_sheet_through_the_MDMM_quorum_to_a_downloaded_letter() => portal.InBrowserAsync(async session =>
    {
        var page = session.Page;
        var impressions = $"Lounge cold; residents in coats ({Guid.NewGuid():N})"[..60];

        // 1. A Visiting Professional (a PCSO) fills in the observation sheet for a demo home.
        await PortalPages.SignInAsDemoUserAsync(page, PortalRole.VisitingProfessional);
        await PortalPages.OpenAsync(page, "/observation");
        await CheckAsync(session, "observation sheet");
        await page.Locator("#home-search").FillAsync("Oakwood");
        await page.Locator("#home-choice").SelectOptionAsync(new SelectOptionValue { Label = "Oakwood House, Leighton Buzzard LU7 1AA" });
        await page.Locator("#q1-text").FillAsync(impressions);
        await page.Locator("input[name=q2]").Nth(1).CheckAsync();
        await page.Locator("#q2-comments").FillAsync("Heating broken in the east wing.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the sheet" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/observation/[0-9a-f-]{36}\?submitted=1$"));
        await PortalPages.WaitUntilSettledAsync(page);
        await Expect(page.GetByText("Thank you. Your sheet has been sent to the care-concerns inbox.")).ToBeVisibleAsync();
        await CheckAsync(session, "submitted sheet");
        output.WriteLine("observation sheet submitted");

        // 2. The Quality Lead finds it in the care-concerns inbox (already linked: the home was chosen from the register) and acknowledges it.
        await session.Context.ClearCookiesAsync();
        await PortalPages.SignInAsDemoUserAsync(page, PortalRole.QualityLead);
        await PortalPages.OpenAsync(page, "/providers/inbox");
        var sheetLink = page.Locator("a", new() { HasText = "Oakwood House" });
        await Expect(sheetLink).ToHaveCountAsync(1);
        await CheckAsync(session, "care-concerns inbox");
        await sheetLink.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/providers/inbox/[0-9a-f-]{36}$"));
        await PortalPages.WaitUntilSettledAsync(page);
        await Expect(page.GetByText(impressions)).ToBeVisibleAsync();
        await Expect(page.GetByText("Linked to")).ToBeVisibleAsync();
        await page.Locator("#ack-note").FillAsync("Seen; contracts team to visit this week.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Sheet acknowledged." })).ToBeVisibleAsync();
        await Expect(page.GetByText("Acknowledged by Grace Okafor")).ToBeVisibleAsync();
        await CheckAsync(session, "acknowledged sheet");
        output.WriteLine("sheet acknowledged");

        // 3. The demo process at the MDMM stage: its MDMM is arranged for two working days' time; it is brought forward to today and held.
        await PortalPages.OpenAsync(page, "/providers");
        await page.Locator("#provider-search").FillAsync("Brookfield");
        var processLink = page.Locator("tr", new() { HasText = "Brookfield Home Care" }).Locator("a[href^='/providers/process/']");
        await Expect(processLink).ToHaveCountAsync(1);
        await processLink.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/providers/process/[0-9a-f-]{36}$"));
        var processPath = new Uri(page.Url).AbsolutePath;
        await PortalPages.WaitUntilSettledAsync(page);
        await Expect(page.Locator("h1")).ToContainTextAsync("Multi-agency Decision Making Meeting");
        await CheckAsync(session, "process at MDMM");

        var today = WorkingCalendar.UkToday(TimeProvider.System);
        var mdmm = page.Locator("article", new() { HasText = "Multi-agency Decision Making Meeting (MDMM)" });
        await mdmm.Locator("summary", new() { HasText = "Move this meeting" }).ClickAsync();
        await mdmm.GetByLabel("New date and time").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00");
        await mdmm.GetByRole(AriaRole.Button, new() { Name = "Move meeting" }).ClickAsync();
        await ExpectSuccessAsync(page, "Meeting moved to");
        await mdmm.GetByRole(AriaRole.Button, new() { Name = "Record as held" }).ClickAsync();
        await ExpectSuccessAsync(page, "Meeting recorded as held.");

        // 4. Three of the four quorum roles attended: the decision is refused in plain English, and what was typed stays.
        var rationale = "Missed calls continue after two QAMs; two safeguarding enquiries in three months.";
        await page.GetByLabel("Threshold met", new() { Exact = true }).CheckAsync();
        await page.Locator("#td-rationale").FillAsync(rationale);
        await page.Locator("#td-chair").FillAsync("Sam Hughes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "To enable a decision to be made the following need to be present: HPFT – Service Line Lead/ Consultant Nurse.");
        await Expect(page.Locator("#td-rationale")).ToHaveValueAsync(rationale);
        await Expect(page.Locator("h1")).ToContainTextAsync("Multi-agency Decision Making Meeting");
        await CheckAsync(session, "threshold decision refused");
        output.WriteLine("decision without quorum refused");

        // 5. The fourth role is recorded; now the decision moves the process on.
        await mdmm.GetByLabel("Name", new() { Exact = true }).FillAsync("Jo Reid");
        await mdmm.GetByLabel("Role and organisation").FillAsync("Consultant Nurse, ELFT");
        await mdmm.GetByLabel("Attending as").SelectOptionAsync(new SelectOptionValue { Label = "HPFT – Service Line Lead/ Consultant Nurse" });
        await mdmm.GetByRole(AriaRole.Button, new() { Name = "Add attendee" }).ClickAsync();
        await Expect(mdmm.GetByText("Quorum present: all four roles of §5 iii attended")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await ExpectSuccessAsync(page, "Threshold met: the Safety and Improvement Process is triggered.");
        await Expect(page.Locator("h1")).ToContainTextAsync("Safety and Improvement Process meetings");
        output.WriteLine("threshold decision recorded with quorum");

        // 6. The deadline board counts the first meeting's deadline in working days (weekends and bank holidays excluded).
        var firstMeetingDue = WorkingDayCalendar.EnglandAndWales.AddWorkingDays(today, 10);
        await PortalPages.OpenAsync(page, "/providers/deadlines");
        var deadline = page.Locator("tr", new() { HasText = "Brookfield Home Care" })
            .Filter(new() { HasText = "First Safety and Improvement Process meeting with the provider" });
        await Expect(deadline).ToHaveCountAsync(1);
        await Expect(deadline.Locator("td").Nth(1)).ToHaveTextAsync(firstMeetingDue.ToString("d MMM yyyy", Uk));
        await Expect(deadline.Locator("td").Nth(2)).ToHaveTextAsync("10");
        await CheckAsync(session, "deadline board");
        output.WriteLine($"deadline board: first meeting due {firstMeetingDue:d MMM yyyy}, 10 working days");

        // 7. The first meeting is arranged within the 10 working days; the Appendix Six letter is prepared, refused while
        //    fields are missing, then made and downloaded with the record's details filled in.
        var meetingDay = WorkingDayCalendar.EnglandAndWales.AddWorkingDays(today, 5);
        await PortalPages.OpenAsync(page, processPath);
        await page.Locator("#new-meeting-at").FillAsync(meetingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00");
        await page.Locator("#new-meeting-place").FillAsync("Priory House, Chicksands");
        await page.Locator("#new-meeting-chair").FillAsync("Sam Hughes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange meeting" }).ClickAsync();
        await ExpectSuccessAsync(page, "Safety and Improvement Process meeting arranged");

        await page.GetByRole(AriaRole.Button, new() { Name = "Prepare: Appendix Six: Notification template" }).ClickAsync();
        var draft = page.Locator("#letter-draft");
        await Expect(draft.GetByLabel("Owner of the home(s)")).ToHaveValueAsync("Brookfield Care Group Ltd");
        await Expect(draft.GetByLabel("Date of the meeting")).ToHaveValueAsync(meetingDay.ToString("d MMMM yyyy", Uk));
        await Expect(draft.GetByLabel("Time of the meeting")).ToHaveValueAsync("10:00am");
        await CheckAsync(session, "letter draft");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Create the letter" }).ClickAsync();
        await Expect(draft.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Fill in area manager and contact telephone number before the letter can be made.");
        await draft.GetByLabel("Area manager").FillAsync("Dana Whitfield");
        await draft.GetByLabel("Contact telephone number").FillAsync("0300 300 8000");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Create the letter" }).ClickAsync();
        await ExpectSuccessAsync(page, "Appendix Six: Notification template created.");
        var download = page.Locator("#letters-made a", new() { HasText = "Download Appendix Six Notification template - Brookfield Home Care" });
        await Expect(download).ToHaveCountAsync(1);
        await Expect(page.Locator("#letters-made")).ToContainTextAsync("Grace Okafor");
        await CheckAsync(session, "letter made");

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Equal($"Appendix Six Notification template - Brookfield Home Care - {today:yyyy-MM-dd}.docx", file.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"portal-letter-{Guid.NewGuid():N}.docx");
        try
        {
            await file.SaveAsAsync(path);
            var text = LetterDataTests.BodyText(await File.ReadAllBytesAsync(path));
            Assert.Contains("Dear Brookfield Care Group Ltd,", text);
            Assert.Contains("These homes include; Brookfield Home Care.", text);
            Assert.Contains($"The Safety and Improvement meeting will be held on {meetingDay.ToString("d MMMM yyyy", Uk)} at 10:00am at Priory House, Chicksands.", text);
            Assert.Contains("Area Manager: Dana Whitfield", text);
            Assert.Contains("two safeguarding enquiries", text.ToLowerInvariant());
            Assert.DoesNotContain("{{", text);
        }
        finally
        {
            File.Delete(path);
        }
        output.WriteLine("letter made and downloaded");
    });

    [Fact]
    public Task A_register_is_imported_with_a_preview_and_an_administrator_is_told_about_an_unknown_letter_field() => portal.InBrowserAsync(async session =>
    {
        var page = session.Page;
        await PortalPages.SignInAsDemoUserAsync(page, PortalRole.QualityLead);
        await PortalPages.OpenAsync(page, "/providers/import");
        await CheckAsync(session, "provider import");
        var csv = """
            Name,Type of service,Address line 1,Town,Postcode,Owner,Commissioners,CQC location ID
            Hazel Court,Care home with nursing,7 Hazel Road,Luton,LU2 7HZ,Hazel Ltd,Luton Borough Council,1-700000001
            Copy of Meadow View,Care home with nursing,12 Priory Road,Dunstable,LU5 4HR,Meadow Care Group Ltd,Central Bedfordshire Council,1-101234567
            """;
        await page.Locator("#provider-import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "register.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await Expect(page.GetByText("2 row(s) read from register.csv:")).ToBeVisibleAsync();
        await Expect(page.GetByText("Row 3: CQC location ID 1-101234567 is already in your register (Meadow View Care Home).")).ToBeVisibleAsync();
        await CheckAsync(session, "provider import preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the 1 provider(s) without problems and leave out 1" }).ClickAsync();
        await ExpectSuccessAsync(page, "Imported 1 provider(s).");
        await PortalPages.OpenAsync(page, "/providers");
        await page.Locator("#provider-search").FillAsync("Hazel");
        await Expect(page.Locator("tr", new() { HasText = "Hazel Court" })).ToHaveCountAsync(1);

        await session.Context.ClearCookiesAsync();
        await PortalPages.SignInAsDemoUserAsync(page, PortalRole.Administrator);
        await PortalPages.OpenAsync(page, "/admin/letter-templates");
        await page.Locator("#template-kind").SelectOptionAsync(new SelectOptionValue { Label = "Letter to self-funder" });
        await Expect(page.Locator("#template-body")).ToHaveValueAsync(new Regex("I have been given your name by \\{\\{RegisteredManager\\}\\}"));
        await page.Locator("#template-body").FillAsync("Dear {{RecipientName}},\n\nYour home {{Home}} has been rated.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the wording" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "The letter uses {{Home}}, which is not a field the portal can fill. Check the spelling against the list of fields (capital letters count).");
        await Expect(page.Locator("#template-body")).ToHaveValueAsync("Dear {{RecipientName}},\n\nYour home {{Home}} has been rated.");
        await CheckAsync(session, "letter templates");
    });

    private async Task CheckAsync(BrowserSession session, string where)
    {
        await PortalPages.AssertNoErrorUiAsync(session, where, portal.Diagnostics);
        await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(session.Page, where);
    }

    private static Task ExpectSuccessAsync(IPage page, string text) =>
        Expect(page.Locator(".portal-alert-success").Filter(new() { HasText = text })).ToBeVisibleAsync();
}
