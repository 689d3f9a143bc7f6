using Microsoft.Playwright;
using Portal.Core.Organisations;
using Portal.Tests.Browser.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser.Audits;

/// <summary>
/// Two roles through an audit in the browser: the Team Manager opens the audit allocated to them, answers it
/// (the draft saves itself and survives a reload), grades and completes it; the Practitioner writes their
/// self-reflection and only then sees the grade.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AuditFlowTests(DevelopmentPortalFixture portal) : IClassFixture<DevelopmentPortalFixture>
{
    [Fact]
    public async Task An_auditor_completes_an_autosaved_audit_and_the_practitioner_sees_the_grade_after_reflecting()
    {
        string? record = null;
        await portal.InBrowserAsync(async session =>
        {
            var page = session.Page;
            await PortalPages.SignInAsDemoUserAsync(page, PortalRole.TeamManager);
            var item = page.Locator("#my-audits-heading ~ ul li", new() { HasText = "Priya Patel" }).First;
            var link = item.Locator("a");
            record = (await link.InnerTextAsync()).Replace("Record ", "").Trim();
            await link.ClickAsync();
            await PortalPages.WaitUntilSettledAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync($"Audit of record {record}");

            foreach (var yes in await page.Locator("input[type=radio][id$='-Yes']").AllAsync())
                await yes.CheckAsync();
            await Expect(page.GetByText("Saved at")).ToBeVisibleAsync(new() { Timeout = 15_000 });

            // The draft is on the server: a reload shows the answers again.
            await page.ReloadAsync();
            await PortalPages.WaitUntilSettledAsync(page);
            var answered = page.Locator("input[type=radio][id$='-Yes']");
            Assert.True(await answered.CountAsync() >= 6);
            foreach (var yes in await answered.AllAsync())
                await Expect(yes).ToBeCheckedAsync();

            await page.Locator("#grade-Good").CheckAsync();
            await page.Locator("#rationale").FillAsync("Evidence-based practice; the referral decision is clearly reasoned.");
            await page.Locator("#strengths").FillAsync("Clear and timely screening with the person's views recorded.");
            await page.Locator("#higher").FillAsync("Record the referrer's advice in full.");
            await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(page, "the audit form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Complete the audit" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
            await Expect(page.GetByText("The audit is complete. Thank you.")).ToBeVisibleAsync();
            await PortalPages.AssertNoErrorUiAsync(session, "after completing the audit", portal.Diagnostics);
        });

        await portal.InBrowserAsync(async session =>
        {
            var page = session.Page;
            await PortalPages.SignInAsDemoUserAsync(page, PortalRole.Practitioner);
            await page.GetByRole(AriaRole.Link, new() { Name = $"Reflect on record {record}" }).ClickAsync();
            await PortalPages.WaitUntilSettledAsync(page);
            await Expect(page.GetByText("Submit your self-reflection to see the grade and feedback.")).ToBeVisibleAsync();
            await Expect(page.GetByText("Grade: Good")).ToHaveCountAsync(0);
            await page.Locator("#reflection").FillAsync("I screened promptly; I would record the referrer's advice more fully.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit my reflection" }).ClickAsync();
            await Expect(page.GetByText("Grade: Good")).ToBeVisibleAsync();
            await Expect(page.GetByText("Clear and timely screening with the person's views recorded.")).ToBeVisibleAsync();
            await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(page, "the practitioner's audit page");
            await PortalPages.AssertNoErrorUiAsync(session, "after reflecting", portal.Diagnostics);
        });
    }
}
