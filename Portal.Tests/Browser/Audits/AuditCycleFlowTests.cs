using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.App.Data.Demo;
using Portal.Core.Audits;
using Portal.Core.Organisations;
using Portal.Tests.Browser.Infrastructure;
using Portal.Tests.Core.Excel;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser.Audits;

/// <summary>
/// Issue 3's "done when" as one browser flow through a whole cycle: the Quality Lead adds a cycle, imports a case
/// list (a bad row first, then the fixed file), draws the sample (an exclusion explained), and allocates it; the
/// Auditor answers, grades "Requires improvement", records a practice-concern contact and a risk alert, and
/// completes it; the AMHP Lead acknowledges the alert from their dashboard; the Practitioner reflects, then responds;
/// the line manager records the reflective conversation; the Quality Lead moderates it, reads the cycle report
/// and downloads its Excel export, read back with openpyxl. Every page visited is checked with axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AuditCycleFlowTests(DevelopmentPortalFixture portal, ITestOutputHelper output) : IClassFixture<DevelopmentPortalFixture>
{
    /// <summary>argv[1] the file; argv[2] a JSON list of rows in the import page's columns.</summary>
    private const string MakeCaseList = """
        import sys, json, datetime, openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Cases"
        ws.append(["Record id", "Person (initials or pseudonymous id)", "Practitioner", "Practitioner email", "Team", "Service", "Type of work", "Date of work"])
        for r in json.loads(sys.argv[2]):
            r[7] = datetime.date.fromisoformat(r[7])
            ws.append(r)
        wb.save(sys.argv[1])
        """;

    /// <summary>The Summary sheet of the cycle report as {measure: [value, number, percentage]}.</summary>
    private const string ReadSummary = """
        import sys, json, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Summary"]
        print(json.dumps({"sheets": wb.sheetnames, "rows": {str(r[0]): [None if v is None else str(v) for v in r[1:4]] for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None}}))
        """;

    [Fact]
    public async Task A_quality_lead_runs_a_cycle_an_auditor_escalates_the_practitioner_reflects_and_the_report_exports()
    {
        var clock = Stopwatch.StartNew();
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var cycleName = $"Practice audit flow {run}";
        var prefix = $"FL{run}";
        string[] priyaRecords = [$"{prefix}-1", $"{prefix}-2", $"{prefix}-3"];
        var folder = Directory.CreateTempSubdirectory("portal-audit-cycle-flow-").FullName;
        string? cyclePath = null, auditedRecord = null, record = null;
        try
        {
            // ---- Quality Lead: a record audited in the finished demo cycle, then a new cycle with its case list, sample and allocation.
            await portal.InBrowserAsync(async session =>
            {
                var page = session.Page;
                await PortalPages.SignInAsDemoUserAsync(page, PortalRole.QualityLead);
                await PortalPages.OpenAsync(page, "/audits/cycles");
                await CheckPageAsync(session, "cycle list");
                await page.GetByRole(AriaRole.Link, new() { Name = AuditDemo.FinishedCycleName, Exact = true }).ClickAsync();
                await Expect(page.Locator("h1")).ToHaveTextAsync(AuditDemo.FinishedCycleName);
                await PortalPages.WaitUntilSettledAsync(page);
                await page.GetByRole(AriaRole.Link, new() { Name = "2. The sample and why each case is in or out" }).ClickAsync();
                await Expect(page.Locator("h1")).ToHaveTextAsync($"The sample for {AuditDemo.FinishedCycleName}");
                await PortalPages.WaitUntilSettledAsync(page);
                await page.Locator("#sel").SelectOptionAsync(nameof(CaseSelection.Selected));
                await Expect(page.Locator("tr.rz-data-row")).ToHaveCountAsync(20);
                auditedRecord = (await page.Locator("tr.rz-data-row td").First.InnerTextAsync()).Trim();
                Assert.Matches("^RIO[0-9]+$", auditedRecord);
                await CheckPageAsync(session, "the finished demo cycle's sample");

                var badFile = Path.Combine(folder, "case list (draft).xlsx");
                var goodFile = Path.Combine(folder, "case list.xlsx");
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                string[] Row(string id, string person, string team, int daysAgo, string? who = null) =>
                    [id, person, who ?? "Priya Patel", who is null ? DemoEmail(PortalRole.Practitioner) : "", team, "", "AMHP assessment", today.AddDays(-daysAgo).ToString("yyyy-MM-dd")];
                OpenPyxl.Run(MakeCaseList, badFile, JsonSerializer.Serialize(new[]
                {
                    Row($"{prefix}-0", "JB-1", "Nowhere Team", 30),
                    Row(priyaRecords[0], "KL-2", "AMHP Service (day)", 20),
                }));
                OpenPyxl.Run(MakeCaseList, goodFile, JsonSerializer.Serialize(new[]
                {
                    Row(priyaRecords[0], "KL-2", "AMHP Service (day)", 20),
                    Row(priyaRecords[1], "MN-3", "AMHP Service (day)", 15),
                    Row(priyaRecords[2], "PQ-4", "AMHP Service (day)", 10),
                    Row(auditedRecord, "RS-5", "AMHP Service (day)", 40, who: "Daniel Reed"),
                }));

                // A new cycle, through the "Add a cycle" form.
                await PortalPages.OpenAsync(page, "/audits/cycles");
                await page.Locator("#cy-name").FillAsync(cycleName);
                await page.Locator("#cy-size").FillAsync("2");
                await page.GetByLabel($"{DefaultAuditTemplates.AmhpReportAudit} (version 1)", new() { Exact = true }).CheckAsync();
                await CheckPageAsync(session, "add a cycle");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add cycle" }).ClickAsync();
                await page.WaitForURLAsync(new Regex(@"/audits/cycles/[0-9a-f-]{36}$"));
                cyclePath = new Uri(page.Url).AbsolutePath;
                await Expect(page.Locator("h1")).ToHaveTextAsync(cycleName);
                await PortalPages.WaitUntilSettledAsync(page);
                await Expect(page.GetByText("Stage: Planned", new() { Exact = false })).ToBeVisibleAsync();

                // The auditor pool: the demo Auditor, a Senior Practitioner.
                await page.Locator("#pool-person").SelectOptionAsync(new SelectOptionValue { Label = "Alex Morgan (Senior Practitioner)" });
                await page.GetByRole(AriaRole.Button, new() { Name = "Add to the pool" }).ClickAsync();
                await Expect(page.Locator("section[aria-labelledby=pool-heading] tbody tr")).ToContainTextAsync("Alex Morgan");
                await CheckPageAsync(session, "new cycle with its auditor pool");

                // Import: the bad file shows the row error and cannot be imported; the good file can.
                await page.GetByRole(AriaRole.Link, new() { Name = "1. Import the case list" }).ClickAsync();
                await Expect(page.Locator("h1")).ToHaveTextAsync("Import the case list");
                await PortalPages.WaitUntilSettledAsync(page);
                await CheckPageAsync(session, "import page");
                await page.Locator("#case-file").SetInputFilesAsync(badFile);
                await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ready to import" }))
                    .ToContainTextAsync("1 row(s) ready to import; 1 row(s) with errors.");
                var badRow = page.Locator("tbody tr").Filter(new() { HasText = $"{prefix}-0" });
                await Expect(badRow.Locator("td").First).ToHaveTextAsync("2");
                await Expect(badRow).ToContainTextAsync("\"Nowhere Team\" is not a team in your organisation.");
                await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Import") })).ToHaveCountAsync(0);
                await CheckPageAsync(session, "import preview with a row error");

                await page.Locator("#case-file").SetInputFilesAsync(goodFile);
                await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ready to import" }))
                    .ToContainTextAsync("4 row(s) ready to import; 0 row(s) with errors.");
                await Expect(page.Locator("tbody tr").Filter(new() { HasText = priyaRecords[0] })).ToContainTextAsync("Priya Patel (portal user)");
                await CheckPageAsync(session, "import preview ready to confirm");
                await page.GetByRole(AriaRole.Button, new() { Name = "Import 4 cases" }).ClickAsync();
                await Expect(page.GetByText("4 cases imported into the pool.")).ToBeVisibleAsync();
                output.WriteLine($"imported at {clock.ElapsedMilliseconds} ms");

                // Draw: the demo-audited record is excluded, with its reason on the sample screen.
                await PortalPages.OpenAsync(page, cyclePath);
                await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Draw", Exact = true }).ClickAsync();
                await Expect(page.GetByText("2 cases drawn (1 excluded, 1 not drawn)")).ToBeVisibleAsync();
                await Expect(page.GetByText("Stage: Sample drawn", new() { Exact = false })).ToBeVisibleAsync();
                await CheckPageAsync(session, "cycle after the draw");

                await page.GetByRole(AriaRole.Link, new() { Name = "2. The sample and why each case is in or out" }).ClickAsync();
                await Expect(page.Locator("h1")).ToHaveTextAsync($"The sample for {cycleName}");
                await PortalPages.WaitUntilSettledAsync(page);
                await Expect(page.Locator("tr.rz-data-row")).ToHaveCountAsync(4);
                var excluded = page.Locator("tr.rz-data-row").Filter(new() { HasText = auditedRecord });
                await Expect(excluded).ToContainTextAsync("Excluded");
                await Expect(excluded).ToContainTextAsync($"Not drawn: this record was audited on");
                await Expect(excluded).ToContainTextAsync("within the last 12 months");
                await Expect(page.Locator("tr.rz-data-row").Filter(new() { HasText = "Randomly drawn" })).ToHaveCountAsync(2);
                await page.GetByRole(AriaRole.Button, new() { Name = "Check the draw from its seed" }).ClickAsync();
                await Expect(page.GetByText("Checked: re-running the draw from its seed gives exactly the same cases.")).ToBeVisibleAsync();
                await CheckPageAsync(session, "the new cycle's sample");

                // Allocate.
                await PortalPages.OpenAsync(page, cyclePath);
                await page.GetByRole(AriaRole.Button, new() { Name = "Allocate the sampled cases to auditors" }).ClickAsync();
                await Expect(page.GetByText("2 audits allocated. Auditors and practitioners have been told.")).ToBeVisibleAsync();
                await Expect(page.GetByText("Stage: Audits allocated", new() { Exact = false })).ToBeVisibleAsync();
                await CheckPageAsync(session, "cycle after allocation");
                output.WriteLine($"allocated at {clock.ElapsedMilliseconds} ms");
            });

            // ---- Auditor: answers, grades Requires improvement, escalates, completes.
            await portal.InBrowserAsync(async session =>
            {
                var page = session.Page;
                await PortalPages.SignInAsDemoUserAsync(page, PortalRole.Auditor);
                await Expect(page.GetByText($"You have been allocated 2 audits in {cycleName}.")).ToBeVisibleAsync();
                await CheckPageAsync(session, "auditor's dashboard");
                await PortalPages.OpenAsync(page, "/audits/mine");
                await page.Locator("#audit-search").FillAsync(prefix);
                await Expect(page.Locator("tr.rz-data-row")).ToHaveCountAsync(2);
                await CheckPageAsync(session, "auditor's audits");
                var link = page.Locator("tr.rz-data-row a").First;
                record = (await link.InnerTextAsync()).Trim();
                Assert.Contains(record, priyaRecords);
                await link.ClickAsync();
                await Expect(page.Locator("h1")).ToHaveTextAsync($"Audit of record {record}");
                await PortalPages.WaitUntilSettledAsync(page);

                var yes = await page.Locator("input[type=radio][id$='-Yes']").AllAsync();
                Assert.True(yes.Count >= 6);
                foreach (var radio in yes.Skip(1))
                    await radio.CheckAsync();
                var firstNo = page.Locator("input[type=radio][id$='-No']").First;
                await firstNo.CheckAsync();
                var questionId = (await firstNo.GetAttributeAsync("id"))!["q-".Length..^"-No".Length];
                await page.Locator($"#c-{questionId}").FillAsync("The person's own view of the outcome is not recorded anywhere in the report.");
                await page.Locator("#grade-RequiresImprovement").CheckAsync();
                await page.Locator("#rationale").FillAsync("The legal criteria are asserted rather than evidenced and there is no plan for the person after the assessment.");
                await page.Locator("#strengths").FillAsync("Prompt response to the referral; the nearest relative was consulted.");
                await page.Locator("#higher").FillAsync("Evidence each statutory criterion and record a follow-up plan.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add a learning point" }).ClickAsync();
                await page.Locator("#lp-0").FillAsync("Record a plan for the person after the assessment, with who will do what.");
                await page.GetByRole(AriaRole.Group, new() { Name = "Themes for learning point 1" })
                    .GetByLabel("Risk assessment and management", new() { Exact = true }).CheckAsync();
                await Expect(page.GetByText("Saved at")).ToBeVisibleAsync(new() { Timeout = 15_000 });
                await CheckPageAsync(session, "the audit form, graded");

                // Escalation: the contact with the team manager, and the risk alert.
                await page.Locator("#c-name").FillAsync("Tom Evans");
                await page.Locator("#c-outcome").FillAsync("Discussed the missing follow-up plan; Tom will review the case with the practitioner this week.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }).ClickAsync();
                await Expect(page.GetByText("Contact recorded.")).ToBeVisibleAsync();
                await Expect(page.Locator("section[aria-labelledby=escalation-heading] li")).ToContainTextAsync("Tom Evans (team manager) — Discussed the missing follow-up plan");
                await page.Locator("#alert-details").FillAsync("No follow-up plan was recorded; the person lives alone and may have been left at risk.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Send the alert now" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Send alert", Exact = true }).ClickAsync();
                await Expect(page.GetByText("Alert sent. It stays on their dashboard until acknowledged.")).ToBeVisibleAsync();
                await Expect(page.GetByText("Not yet acknowledged by the AMHP Lead / EDT Manager.")).ToBeVisibleAsync();

                // What was typed before the escalation is still there.
                await Expect(page.Locator("#grade-RequiresImprovement")).ToBeCheckedAsync();
                await Expect(page.Locator("#rationale")).ToHaveValueAsync(new Regex("^The legal criteria are asserted"));
                await Expect(page.Locator($"#c-{questionId}")).ToHaveValueAsync(new Regex("^The person's own view"));
                await CheckPageAsync(session, "the audit form after escalation");

                await page.GetByRole(AriaRole.Button, new() { Name = "Complete the audit" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
                await Expect(page.GetByText("The audit is complete. Thank you.")).ToBeVisibleAsync();
                await CheckPageAsync(session, "the completed audit");
                output.WriteLine($"audit completed at {clock.ElapsedMilliseconds} ms");
            });

            // ---- AMHP Lead / EDT Manager: the alert is on their dashboard until they acknowledge it.
            await portal.InBrowserAsync(async session =>
            {
                var page = session.Page;
                await PortalPages.SignInAsDemoUserAsync(page, PortalRole.AmhpLead);
                var alertLink = page.GetByRole(AriaRole.Link, new() { Name = $"Record {record}, AMHP Service (day)", Exact = true });
                await Expect(alertLink).ToBeVisibleAsync();
                await CheckPageAsync(session, "AMHP Lead's dashboard with the alert");
                await alertLink.ClickAsync();
                await PortalPages.WaitUntilSettledAsync(page);
                await Expect(page.Locator("section[aria-labelledby=alert-heading]")).ToContainTextAsync("Not acknowledged");
                await page.Locator("#ack-note").FillAsync("Rang the team manager; a welfare visit is booked for tomorrow.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the alert" }).ClickAsync();
                await Expect(page.GetByText("The alert is acknowledged.")).ToBeVisibleAsync();
                await Expect(page.Locator("section[aria-labelledby=alert-heading]")).ToContainTextAsync("Acknowledged by Nadia Osei");
                await CheckPageAsync(session, "the acknowledged alert");
                await PortalPages.OpenAsync(page, "/");
                await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Record {record}, AMHP Service (day)", Exact = true })).ToHaveCountAsync(0);
            });

            // ---- Practitioner: reflects first, then sees the grade and responds.
            await portal.InBrowserAsync(async session =>
            {
                var page = session.Page;
                await PortalPages.SignInAsDemoUserAsync(page, PortalRole.Practitioner);
                await CheckPageAsync(session, "practitioner's dashboard");
                await page.GetByRole(AriaRole.Link, new() { Name = $"Reflect on record {record}" }).ClickAsync();
                await PortalPages.WaitUntilSettledAsync(page);
                await Expect(page.GetByText("Submit your self-reflection to see the grade and feedback.")).ToBeVisibleAsync();
                await Expect(page.GetByText("Requires improvement")).ToHaveCountAsync(0);
                await CheckPageAsync(session, "practitioner's audit before reflecting");
                await page.Locator("#reflection").FillAsync("I focused on the admission decision and did not write down the plan for afterwards.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Submit my reflection" }).ClickAsync();
                await Expect(page.GetByText("Grade: Requires improvement")).ToBeVisibleAsync();
                await Expect(page.GetByText("Evidence each statutory criterion and record a follow-up plan.")).ToBeVisibleAsync();
                const string response = "I agree; I have since added a follow-up plan to the record.";
                await page.Locator("#response").FillAsync(response);
                await page.GetByRole(AriaRole.Button, new() { Name = "Add my response" }).ClickAsync();
                await Expect(page.GetByText("Practitioner's response", new() { Exact = false })).ToBeVisibleAsync();
                await Expect(page.GetByText(response)).ToBeVisibleAsync();
                await CheckPageAsync(session, "practitioner's audit after responding");
                output.WriteLine($"reflected and responded at {clock.ElapsedMilliseconds} ms");
            });

            // ---- Line manager: records the reflective conversation.
            await portal.InBrowserAsync(async session =>
            {
                var page = session.Page;
                await PortalPages.SignInAsDemoUserAsync(page, PortalRole.TeamManager);
                await PortalPages.OpenAsync(page, "/audits/mine");
                await page.Locator("#audit-search").FillAsync(record!);
                await Expect(page.Locator("tr.rz-data-row")).ToHaveCountAsync(1);
                await page.GetByRole(AriaRole.Link, new() { Name = record, Exact = true }).ClickAsync();
                await PortalPages.WaitUntilSettledAsync(page);
                await Expect(page.GetByText("I agree; I have since added a follow-up plan to the record.")).ToBeVisibleAsync();
                await page.Locator("#conv-date").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"));
                await page.Locator("#conv-notes").FillAsync("Went through the feedback together; agreed to use the follow-up plan template on every assessment.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Record the conversation" }).ClickAsync();
                await Expect(page.GetByText("The conversation is recorded.")).ToBeVisibleAsync();
                await Expect(page.Locator("p").Filter(new() { HasText = "Reflective conversation with Tom Evans on" })).ToBeVisibleAsync();
                await CheckPageAsync(session, "the audit after the reflective conversation");
            });

            // ---- Quality Lead: moderates, reads the report and downloads it.
            await portal.InBrowserAsync(async session =>
            {
                var page = session.Page;
                await PortalPages.SignInAsDemoUserAsync(page, PortalRole.QualityLead);
                await PortalPages.OpenAsync(page, "/audits/moderation");
                await CheckPageAsync(session, "moderation page");
                await page.Locator("#mod-cycle").SelectOptionAsync(new SelectOptionValue { Label = $"{cycleName} (1 completed)" });
                await page.GetByRole(AriaRole.Button, new() { Name = "Choose 20% at random" }).ClickAsync();
                await Expect(page.GetByText("1 audit(s) chosen and shared between the moderators.")).ToBeVisibleAsync();
                var item = page.Locator("section.portal-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"Record {record}", Exact = false }) });
                await Expect(item).ToContainTextAsync("Auditor's grade: Requires improvement");
                await CheckPageAsync(session, "moderation page with the audit to moderate");
                await item.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Adequate" });
                await item.GetByLabel("Notes (needed if your grade differs)").FillAsync("The follow-up gap is real but the legal reasoning is adequate; Adequate rather than Requires improvement.");
                await item.GetByRole(AriaRole.Button, new() { Name = "Record moderation" }).ClickAsync();
                await Expect(page.GetByText($"Moderation of record {record} recorded.")).ToBeVisibleAsync();

                await PortalPages.OpenAsync(page, $"{cyclePath}/report");
                await Expect(page.Locator("h1")).ToHaveTextAsync($"Cycle report: {cycleName}");
                await Expect(page.GetByText("1 of 2 audits completed.", new() { Exact = false })).ToBeVisibleAsync();
                await Expect(page.GetByText("Good or better: 0%")).ToBeVisibleAsync();
                await Expect(page.Locator("tr").Filter(new() { HasText = "Requires improvement" }).First).ToContainTextAsync("1");
                await Expect(page.GetByText("Risk assessment and management: 1 audit(s)", new() { Exact = false })).ToBeVisibleAsync();
                await CheckPageAsync(session, "cycle report");

                var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Excel" }).ClickAsync());
                Assert.EndsWith(".xlsx", download.SuggestedFilename);
                var file = Path.Combine(folder, download.SuggestedFilename);
                await download.SaveAsAsync(file);
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.Equal("PK"u8.ToArray(), bytes[..2]);
                var book = OpenPyxl.RunJson(ReadSummary, file);
                Assert.Contains("Moderation", book.GetProperty("sheets").EnumerateArray().Select(s => s.GetString()));
                var rows = book.GetProperty("rows");
                Assert.Equal(cycleName, rows.GetProperty("Cycle")[0].GetString());
                Assert.Equal(1, double.Parse(rows.GetProperty("Audits completed")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(2, double.Parse(rows.GetProperty("Audits allocated")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(1, double.Parse(rows.GetProperty("Requires improvement")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(1, double.Parse(rows.GetProperty("Audits moderated")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(0, double.Parse(rows.GetProperty("Moderation: exact agreement")[2].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                output.WriteLine($"moderated and exported at {clock.ElapsedMilliseconds} ms");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string DemoEmail(PortalRole role) => $"{role.ToString().ToLowerInvariant()}@demo.portal.local";

    private async Task CheckPageAsync(BrowserSession session, string where)
    {
        await PortalPages.AssertNoErrorUiAsync(session, where, portal.Diagnostics);
        await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(session.Page, where);
    }
}
