using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Core.Organisations;
using Portal.Core.Rag;
using Portal.Tests.Browser.Infrastructure;
using Portal.Tests.Core.Excel;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Issue 5's "done when", driven in chromium as the demo Team Manager: a plan like seed 002 is imported from
/// .xlsx (a bad row is shown first and nothing is saved), actions get a dated update and a RAG with a
/// rationale, the board's counts and "what changed since" follow, and the plan downloads as .xlsx; a
/// serious-incident plan like seed 003 is recorded through the forms. Every page visited is checked with axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ActionPlanFlowTests(DevelopmentPortalFixture portal, ITestOutputHelper output) : IClassFixture<DevelopmentPortalFixture>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Seed 002's layout as people keep it in Excel: the dated "UPDATE NOVEMBER 2015" header, scope written in the RAG
    /// cell, section rows, sub-heading rows, the column headers repeated under a section, leads as bullets on
    /// separate lines. The text is the seed's. argv[2] is action 7's timescale, so one file can carry a bad row.
    /// </summary>
    private const string MakeSeedWorkbook = """
        import sys, openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Crisis Care Concordat"
        ws.append(["No.", "RAG", "Action ", "Timescale ", "Led By", "UPDATE NOVEMBER 2015", "Outcomes"])
        ws.append(["1. Commissioning to allow earlier intervention and responsive crisis services"])
        ws.append(["Matching local need with a suitable range of services"])
        ws.append(["1.", "local", "To establish a comprehensive mental health JSNA to include detailed baseline information on local need for crisis services.", "June 2015",
                   "Public Health Leads\n· LBC  - Stephen Gunther\n· Bedford Borough & Central Beds – Public Health. Muriel Scott",
                   "Across all Organisations – Mental Health JSNA published. Contains high level data and further work required to develop detailed baseline information. New clinical systems will improve local data available for crisis services.",
                   "A detailed profile of patient demography on current usage of crisis services along with profiles of levels acuity to inform commissioning and investment decisions on improving crisis services and on targeting preventative services."])
        ws.append(["2.", "countywide", "To develop a local model for street triage across Bedfordshire and Luton.", "March 2016", "· Jaki Whittred",
                   "Outline Business Case has been submitted to the Senior Management Group. Detailed Business Case to be submitted in November 2015 for a decision.",
                   "A locally commissioned Street Triage service in place which will support people in crisis and facilitate a reduction in A&E admissions and S136 presentations."])
        ws.append(["2. Access to support before crisis point"])
        ws.append(["No.", "RAG ", "Action ", "Timescale ", "Led By", "UPDATE NOV 2015", "Outcomes"])
        ws.append(["Improve access to support via primary care"])
        ws.append(["7.", "local", "To develop the expansion of a primary care based service model to include Single point of access and primary care based mental health workers", sys.argv[2],
                   "· Luton – Steve Malusky\n· Beds – Michelle Bradley \n· ELFT – Diane Hull and Sarah Wilson",
                   "Primary Care Liaison Models being developed and tailored to individual locality requirements across Bedfordshire and Luton.",
                   "A local primary care led mental health service based within GP practices to deliver first line preventative services with prompt onward referral to appropriate services for those with more complex needs."])
        ws.append(["Improve access to and experience of mental health services"])
        ws.append(["9.", "Countywide", "Develop robust feedback mechanisms from partners and stakeholders.", "March 2016", "· Pam Garroway to lead with support from Mental Health ODG",
                   "Stakeholder Event to be held in November 2015. Governance arrangements have been agreed and partners to be included in future meetings.",
                   "Partners and stakeholders form an integral part of the whole commissioning cycle."])
        wb.save(sys.argv[1])
        """;

    /// <summary>Every row of every sheet as [value, solid fill colour] pairs, as openpyxl (not our reader) sees them.</summary>
    private const string DumpWorkbook = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for ws in wb.worksheets:
            out[ws.title] = [[[None if c.value is None else str(c.value), c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None] for c in row] for row in ws.iter_rows()]
        print(json.dumps(out))
        """;

    [Fact]
    public Task A_team_manager_imports_a_seed_002_plan_updates_actions_sees_the_board_change_and_exports_it() => portal.InBrowserAsync(async session =>
    {
        var page = session.Page;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // An en dash, as the seed's own titles have, so the download's file name must carry it.
        var title = $"Crisis Care Concordat – imported {Guid.NewGuid():N}"[..46];
        var folder = Directory.CreateTempSubdirectory("portal-plan-flow-").FullName;
        try
        {
            var badFile = Path.Combine(folder, "Crisis Care Concordat (draft).xlsx");
            var goodFile = Path.Combine(folder, "Crisis Care Concordat.xlsx");
            OpenPyxl.Run(MakeSeedWorkbook, badFile, "When funding allows");
            OpenPyxl.Run(MakeSeedWorkbook, goodFile, "Dec\n2016");

            await PortalPages.SignInAsDemoUserAsync(page, PortalRole.TeamManager);
            await PortalPages.OpenAsync(page, "/action-plans");
            await CheckPageAsync(session, "plan list");
            await page.GetByRole(AriaRole.Link, new() { Name = "Import a plan from Excel" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/action-plans/import");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Import a plan from Excel");
            await PortalPages.WaitUntilSettledAsync(page);
            await CheckPageAsync(session, "import page");

            // A bad row: the preview names the row and the problem, offers no way to confirm, and saves nothing.
            await page.Locator("#import-file").SetInputFilesAsync(badFile);
            var alert = page.Locator(".portal-alert-error[role=alert]");
            await Expect(alert).ToContainTextAsync("Nothing has been saved");
            await Expect(alert).ToContainTextAsync("Row 9: 'Timescale' \"When funding allows\" is not a date or a month.");
            var badRow = page.Locator("tr.ap-preview-error");
            await Expect(badRow).ToHaveCountAsync(1);
            await Expect(badRow.Locator("td").First).ToHaveTextAsync("9");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import this plan" })).ToHaveCountAsync(0);
            await CheckPageAsync(session, "import preview with a row error");

            // The fixed file: sections, sub-headings, the repeated header row and four actions, ready to confirm.
            await page.Locator("#import-file").SetInputFilesAsync(goodFile);
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ready to import" }))
                .ToHaveTextAsync("2 section(s) and 4 action(s) are ready to import. Check them below.");
            await Expect(alert).ToHaveCountAsync(0);
            await Expect(page.Locator("tr.ap-preview-error")).ToHaveCountAsync(0);
            await Expect(page.Locator("tbody tr").Filter(new() { HasText = "Column headings (skipped)" })).ToHaveCountAsync(1);
            await Expect(page.Locator("#import-title")).ToHaveValueAsync("Crisis Care Concordat");
            await CheckPageAsync(session, "import preview ready to confirm");
            await page.Locator("#import-title").FillAsync(title);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import this plan" }).ClickAsync();

            await page.WaitForURLAsync(new Regex(@"/action-plans/[0-9a-f-]{36}$"));
            var planPath = new Uri(page.Url).AbsolutePath;
            await Expect(page.Locator("h1")).ToHaveTextAsync(title);
            await PortalPages.WaitUntilSettledAsync(page);
            await Expect(page.Locator("h2.ap-section-heading")).ToHaveTextAsync([
                "1. Commissioning to allow earlier intervention and responsive crisis services", "2. Access to support before crisis point"]);
            var triageRow = ActionRow(page, "2.");
            await Expect(triageRow).ToContainTextAsync("To develop a local model for street triage across Bedfordshire and Luton.");
            await Expect(triageRow).ToContainTextAsync("Countywide");
            await Expect(triageRow).ToContainTextAsync("As at 1 November 2015");
            await Expect(triageRow).ToContainTextAsync("Not rated");
            await Expect(ActionRow(page, "7.")).ToContainTextAsync("December 2016");
            await CheckPageAsync(session, "imported plan");
            output.WriteLine($"imported in {clock.ElapsedMilliseconds} ms");

            // The plan list shows the new plan with its counts.
            await PortalPages.OpenAsync(page, "/action-plans");
            var listed = page.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });
            await Expect(listed).ToContainTextAsync("Strategic plan");
            await Expect(listed).ToContainTextAsync("Not rated 4");

            // The board before anything is rated: the four imported actions are all unrated and overdue, and the
            // overdue list holds as many actions as the counts say.
            await PortalPages.OpenAsync(page, "/action-plans/board");
            Assert.Equal(new BoardCounts(0, 0, 0, 0, 4, 4, 4), await PlanCountsAsync(page, title));
            var overdueTotal = 0;
            foreach (var row in await page.Locator("section[aria-label='By plan'] tbody tr").AllAsync())
                overdueTotal += int.Parse((await row.Locator("td").Nth(5).TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
            await Expect(page.Locator("section[aria-label=Overdue] h2")).ToHaveTextAsync($"Overdue ({overdueTotal})");
            await Expect(page.Locator("section[aria-label=Overdue] tbody tr a[href^='/action-plans/actions/']").First).ToBeVisibleAsync();
            await CheckPageAsync(session, "RAG board before the changes");

            // Action 2: a dated update, and a RAG chosen by the manager with a rationale. The portal suggests Red
            // (March 2016 has passed); the manager judges Amber instead, and the suggestion stays on offer.
            await PortalPages.OpenAsync(page, planPath);
            await ActionRow(page, "2.").GetByRole(AriaRole.Link, new() { Name = "Open action 2." }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("Action 2.");
            await PortalPages.WaitUntilSettledAsync(page);
            var suggestion = page.Locator(".ap-suggestion");
            await Expect(suggestion).ToContainTextAsync("The portal suggests Red.");
            await Expect(suggestion).ToContainTextAsync("The timescale (March 2016) has passed");
            await CheckPageAsync(session, "action 2 before the update");

            const string updateText = "Detailed Business Case submitted to the Senior Management Group; decision expected at its January meeting.";
            await page.Locator("#update-date").FillAsync("2016-01-15");
            await page.Locator("#update-text").FillAsync(updateText);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add update" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Update added." })).ToBeVisibleAsync();
            var updates = page.Locator("section[aria-labelledby=updates-heading] li");
            await Expect(updates).ToHaveCountAsync(2);
            await Expect(updates.Filter(new() { HasText = updateText })).ToContainTextAsync("As at 15 January 2016");
            await Expect(page.Locator("#update-text")).ToHaveValueAsync("");

            const string amberWhy = "Business case is with the Senior Management Group; the service cannot start until it is approved.";
            await page.Locator("#rag-Amber").CheckAsync();
            await page.Locator("#rag-rationale").FillAsync(amberWhy);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save RAG" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "RAG set to Amber." })).ToBeVisibleAsync();
            await Expect(page.Locator("h1 .rag")).ToHaveTextAsync("Amber");
            var history = page.Locator("section[aria-labelledby=rag-history-heading] li");
            await Expect(history).ToHaveCountAsync(1);
            await Expect(history).ToContainTextAsync(amberWhy);
            await Expect(history).ToContainTextAsync("Tom Evans");
            await Expect(suggestion).ToContainTextAsync("The portal suggests Red.");
            await CheckPageAsync(session, "action 2 after the update and RAG change");

            // Action 1: the manager accepts the portal's suggestion instead.
            await PortalPages.OpenAsync(page, planPath);
            await ActionRow(page, "1.").GetByRole(AriaRole.Link, new() { Name = "Open action 1." }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("Action 1.");
            await PortalPages.WaitUntilSettledAsync(page);
            await Expect(suggestion).ToContainTextAsync("The timescale (June 2015) has passed");
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept: set Red" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "RAG set to Red." })).ToBeVisibleAsync();
            await Expect(page.Locator("h1 .rag")).ToHaveTextAsync("Red");
            await Expect(suggestion).ToHaveCountAsync(0);
            await Expect(history).ToContainTextAsync("Portal suggestion accepted: The timescale (June 2015) has passed");
            await CheckPageAsync(session, "action 1 after accepting the suggestion");
            output.WriteLine($"actions updated at {clock.ElapsedMilliseconds} ms");

            // The board has moved: one Red, one Amber, two still unrated; and today's changes list both.
            await PortalPages.OpenAsync(page, "/action-plans/board");
            Assert.Equal(new BoardCounts(1, 1, 0, 0, 2, 4, 4), await PlanCountsAsync(page, title));
            var today = UkToday();
            await page.Locator("#board-since").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
            var changes = page.Locator("section[aria-labelledby=changes-heading]");
            await Expect(changes.Locator("h2")).ToContainTextAsync($"What changed since {today.ToString("d MMMM yyyy", English)}");
            var amberChange = changes.Locator("tr").Filter(new() { HasText = amberWhy });
            await Expect(amberChange).ToHaveCountAsync(1);
            await Expect(amberChange).ToContainTextAsync(title);
            await Expect(amberChange.Locator(".rag")).ToHaveTextAsync("Amber");
            await Expect(changes.Locator("tr").Filter(new() { HasText = updateText })).ToContainTextAsync("New update");
            await Expect(changes.Locator("tr").Filter(new() { HasText = "Portal suggestion accepted" }).Filter(new() { HasText = title }))
                .ToHaveCountAsync(1);
            await CheckPageAsync(session, "RAG board after the changes");

            // The board's figures download too, with the same counts.
            var boardDownload = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Export board figures" }).ClickAsync());
            Assert.Equal("RAG board.xlsx", boardDownload.SuggestedFilename);
            var boardFile = Path.Combine(folder, "board.xlsx");
            await boardDownload.SaveAsAsync(boardFile);
            var byPlan = OpenPyxl.RunJson(DumpWorkbook, boardFile).GetProperty("By plan").EnumerateArray()
                .Select(r => r.EnumerateArray().Select(c => c[0].GetString()).ToList()).ToList();
            Assert.Equal(["Plan", "Red", "Amber", "Green", "Complete", "Not rated", "Overdue", "Total"], byPlan[0]);
            Assert.Equal([title, "1", "1", "0", "0", "2", "4", "4"], byPlan.Single(r => r[0] == title));

            // Drilling into the plan's Red count lists exactly the action rated Red.
            await page.GetByRole(AriaRole.Link, new() { Name = $"1 red for {title}", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/action-plans/board/actions");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Actions, rated Red");
            await PortalPages.WaitUntilSettledAsync(page);
            var drilled = page.Locator("tbody tr").Filter(new() { Has = page.Locator("a[href^='/action-plans/actions/']") });
            await Expect(drilled).ToHaveCountAsync(1);
            await Expect(drilled).ToContainTextAsync("To establish a comprehensive mental health JSNA");
            await CheckPageAsync(session, "board drill-down");

            // The filters stick: the board opens again on the chosen date.
            await PortalPages.OpenAsync(page, "/action-plans/board");
            await Expect(page.Locator("#board-since")).ToHaveValueAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

            // Printed, the plan is its table alone: no navigation, buttons or section editor.
            await PortalPages.OpenAsync(page, planPath);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.Locator(".ap-toolbar")).ToBeHiddenAsync();
            await Expect(page.Locator("nav[aria-label=Main]")).ToBeHiddenAsync();
            await Expect(page.Locator("section[aria-labelledby=sections-heading]")).ToBeHiddenAsync();
            await Expect(ActionRow(page, "2.")).ToBeVisibleAsync();
            await Expect(ActionRow(page, "2.").Locator(".rag")).ToHaveTextAsync("Amber");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            // The export: an .xlsx in the seed's layout, the RAG cell holding its word on its colour.
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Export to Excel" }).ClickAsync());
            Assert.Equal($"{title}.xlsx", download.SuggestedFilename);
            var exported = Path.Combine(folder, "export.xlsx");
            await download.SaveAsAsync(exported);
            var sheet = OpenPyxl.RunJson(DumpWorkbook, exported).GetProperty("Action plan");
            var rows = sheet.EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
            Assert.Equal(["No.", "RAG", "Scope", "Action", "Timescale", "Led By", "Update", "Update date", "Outcomes"],
                rows[0].Select(c => c[0].GetString()));
            var triage = rows.Single(r => r[0][0].GetString() == "2.");
            Assert.Equal("Amber", triage[1][0].GetString());
            Assert.EndsWith(RagStatus.Amber.FillHex(), triage[1][1].GetString());
            Assert.Equal(updateText, triage[6][0].GetString());
            Assert.StartsWith("2016-01-15", triage[7][0].GetString());
            var jsna = rows.Single(r => r[0][0].GetString() == "1.");
            Assert.Equal("Red", jsna[1][0].GetString());
            Assert.EndsWith(RagStatus.Red.FillHex(), jsna[1][1].GetString());
            Assert.Contains(rows, r => r[0][0].GetString() == "2. Access to support before crisis point");
            output.WriteLine($"exported and read back at {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    [Fact]
    public Task A_serious_incident_plan_like_seed_003_is_recorded_through_the_forms() => portal.InBrowserAsync(async session =>
    {
        var page = session.Page;
        var title = $"Action plan for the recommendations of case 32823 (browser test {Guid.NewGuid():N})"[..72];
        const string issue = "1. Livewell Southwest must ensure that the policy and procedure on engagement and support of families of victims and perpetrators involved in serious incidents to comply with current guidance.";
        const string actionsNeeded = "Review of current duty of candour policy, and RCA training offered to Livewell staff to ensure compliance with current guidance";
        const string lead = "Deputy Director of Safety and Quality";
        const string issue3 = "3. NHS Devon Clinical Commissioning Group and Livewell Southwest must ensure that care and treatment for psychosis and schizophrenia, and post-traumatic stress disorder is delivered in accordance with the relevant NICE guidelines.";
        const string review = "This action is complete and there is a clear duty of candour policy embedded within Livewell practice which is compliant with current guidance. The SIRI policy is attached (1) above.";

        await PortalPages.SignInAsDemoUserAsync(page, PortalRole.TeamManager);
        await PortalPages.OpenAsync(page, "/action-plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a new plan" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/action-plans/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Start a new plan");
        await PortalPages.WaitUntilSettledAsync(page);
        await CheckPageAsync(session, "new plan form");

        await page.Locator("#plan-title").FillAsync(title);
        await page.Locator("#plan-type").SelectOptionAsync(new SelectOptionValue { Label = "Serious-incident recommendations" });
        await page.Locator("#plan-description").FillAsync("Service Area: Community Mental Health Services. Locality: Mental Health and Wellbeing (previously West Locality). Date: 09/11/21.");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Central Bedfordshire Council" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/action-plans/[0-9a-f-]{36}$"));
        var planPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await PortalPages.WaitUntilSettledAsync(page);
        await Expect(page.Locator(".ap-meta")).ToContainTextAsync("Serious-incident recommendations");
        await CheckPageAsync(session, "new serious-incident plan");

        await page.Locator("#new-section-title").FillAsync("Recommendations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add section" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Section added." })).ToBeVisibleAsync();
        await Expect(page.Locator("h2.ap-section-heading")).ToHaveTextAsync("1. Recommendations");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{planPath}/actions/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add an action");
        await PortalPages.WaitUntilSettledAsync(page);
        await CheckPageAsync(session, "new serious-incident action form");

        await page.Locator("#action-number").FillAsync("1.");
        await page.Locator("#action-issue").FillAsync(issue);
        await page.Locator("#action-text").FillAsync(actionsNeeded);
        await page.Locator("#action-date").FillAsync("2019");
        await page.Locator("#action-completion-note").FillAsync("2021");
        await page.Locator("#lead-name").FillAsync(lead);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add lead" }).ClickAsync();
        await Expect(page.Locator(".ap-lead-row")).ToContainTextAsync(lead);
        // Adding a lead re-renders the form: what was typed before it must still be there.
        await Expect(page.Locator("#action-issue")).ToHaveValueAsync(issue);
        await Expect(page.Locator("#action-text")).ToHaveValueAsync(actionsNeeded);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save action" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/action-plans/actions/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Action 1.");
        await PortalPages.WaitUntilSettledAsync(page);
        var details = page.Locator(".ap-meta");
        await Expect(details).ToContainTextAsync(issue);
        await Expect(details).ToContainTextAsync(actionsNeeded);
        await Expect(details).ToContainTextAsync(lead);
        await CheckPageAsync(session, "serious-incident action");

        // The dated review of the issue/action (seed 003's "Review of issue/Action November 2020 post external review").
        await page.Locator("#update-date").FillAsync("2020-11-01");
        await page.Locator("#update-text").FillAsync(review);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add update" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Update added." })).ToBeVisibleAsync();
        await Expect(page.Locator("section[aria-labelledby=updates-heading] li")).ToContainTextAsync("As at 1 November 2020");

        await page.Locator("#complete-date").FillAsync("2021-03-31");
        await page.Locator("#complete-rationale").FillAsync("The SIRI panel review concluded that the Duty of Candour has been completed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark complete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Marked complete." })).ToBeVisibleAsync();
        await Expect(page.Locator("h1 .rag")).ToHaveTextAsync("Complete");
        await CheckPageAsync(session, "serious-incident action after review and completion");

        // The plan reads as seed 003's table.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Back to {title}" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == planPath);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await PortalPages.WaitUntilSettledAsync(page);
        var table = page.Locator("table.ap-table").First;
        await Expect(table.Locator("thead th")).ToHaveTextAsync([
            "No.", "Issue Identified", "Actions needed / Work to be completed", "Review of issue/Action", "Lead", "Date", "Date of completion", "RAG"]);
        var cells = ActionRow(page, "1.").Locator("td");
        await Expect(cells.Nth(1)).ToHaveTextAsync(issue);
        await Expect(cells.Nth(2)).ToHaveTextAsync(actionsNeeded);
        await Expect(cells.Nth(3)).ToContainTextAsync("As at 1 November 2020");
        await Expect(cells.Nth(3)).ToContainTextAsync(review);
        await Expect(cells.Nth(4)).ToHaveTextAsync(lead);
        await Expect(cells.Nth(5)).ToHaveTextAsync("2019");
        await Expect(cells.Nth(6)).ToHaveTextAsync("31/03/2021");
        await Expect(cells.Nth(7)).ToHaveTextAsync("Complete");

        // Recommendation 3: the lead is typed and Enter pressed, which submits the form; the typed lead is kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{planPath}/actions/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add an action");
        await PortalPages.WaitUntilSettledAsync(page);
        await page.Locator("#action-number").FillAsync("3.");
        await page.Locator("#action-issue").FillAsync(issue3);
        await page.Locator("#action-text").FillAsync("Review service provision against NICE Guidelines.");
        await page.Locator("#action-timescale").FillAsync("March 2022");
        await page.Locator("#action-date").FillAsync("Review End March 2022");
        await page.Locator("#lead-name").FillAsync("Operational Manager");
        await page.Locator("#lead-name").PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/action-plans/actions/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Action 3.");
        await PortalPages.WaitUntilSettledAsync(page);
        await Expect(details).ToContainTextAsync("Operational Manager");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Back to {title}" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == planPath);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await PortalPages.WaitUntilSettledAsync(page);
        var third = ActionRow(page, "3.").Locator("td");
        await Expect(third.Nth(1)).ToHaveTextAsync(issue3);
        await Expect(third.Nth(3)).ToHaveTextAsync("No update yet");
        await Expect(third.Nth(4)).ToHaveTextAsync("Operational Manager");
        await Expect(third.Nth(5)).ToHaveTextAsync("Review End March 2022");
        await Expect(third.Nth(6)).ToHaveTextAsync("March 2022");
        await Expect(third.Nth(7)).ToHaveTextAsync("Not rated");
        await CheckPageAsync(session, "serious-incident plan table");
    });

    private sealed record BoardCounts(int Red, int Amber, int Green, int Complete, int NotRated, int Overdue, int Total);

    /// <summary>The plan's row of the board's "By plan" table: Red, Amber, Green, Complete, Not rated, Overdue, Total.</summary>
    private static async Task<BoardCounts> PlanCountsAsync(IPage page, string planTitle)
    {
        var row = page.Locator("section[aria-label='By plan'] tbody tr")
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = planTitle, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        var numbers = (await row.Locator("td").AllTextContentsAsync()).Select(t => int.Parse(t.Trim(), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(7, numbers.Count);
        return new BoardCounts(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6]);
    }

    /// <summary>The plan table's row for an action, found by the number in its first cell.</summary>
    private static ILocator ActionRow(IPage page, string number) =>
        page.Locator("table.ap-table tbody tr").Filter(new() { Has = page.Locator("td.ap-number", new() { HasTextString = number }) })
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = $"Open action {number}", Exact = true }) });

    private async Task CheckPageAsync(BrowserSession session, string where)
    {
        await PortalPages.AssertNoErrorUiAsync(session, where, portal.Diagnostics);
        await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(session.Page, where);
    }

    private static DateOnly UkToday()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).DateTime);
    }
}
