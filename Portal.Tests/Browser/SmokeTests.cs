using Microsoft.Playwright;
using Portal.App.Data;
using Portal.Core.Organisations;
using Portal.Tests.Browser.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The real portal in chromium with development sign-in: every demo role signs in, sees who they are, and
/// opens every page in its navigation without errors or serious accessibility violations.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SmokeTests(DevelopmentPortalFixture portal, ITestOutputHelper output) : IClassFixture<DevelopmentPortalFixture>
{
    public static TheoryData<PortalRole> Roles => new(PortalRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public Task Each_demo_role_signs_in_sees_who_they_are_and_opens_every_page_in_the_navigation_accessibly(PortalRole role) => portal.InBrowserAsync(async session =>
    {
        var page = session.Page;
        var demo = DemoData.Users.Single(u => u.Role == role);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await PortalPages.SignInAsDemoUserAsync(page, role);
        output.WriteLine($"signed in as {role} in {clock.ElapsedMilliseconds} ms");

        var header = page.Locator(".portal-user");
        await Expect(header.Locator(".portal-user-name")).ToHaveTextAsync(demo.Name);
        await Expect(header.Locator(".portal-user-detail")).ToHaveTextAsync($"{role.Describe()} · {demo.Organisation}");

        var links = page.Locator("nav[aria-label=Main] a");
        await Expect(links.First).ToBeVisibleAsync();
        var hrefs = new List<string>();
        foreach (var link in await links.AllAsync())
            hrefs.Add(await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("A navigation link has no href."));
        Assert.Contains("/", hrefs);
        Assert.Equal(hrefs.Count, hrefs.Distinct().Count());

        foreach (var href in hrefs)
        {
            var where = $"{role} on {href}";
            clock.Restart();
            await PortalPages.OpenAsync(page, href);
            Assert.Equal(href, new Uri(page.Url).AbsolutePath);
            await Expect(page.GetByText("You do not have access")).ToHaveCountAsync(0);
            await PortalPages.AssertNoErrorUiAsync(session, where, portal.Diagnostics);
            await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(page, where);
            output.WriteLine($"{href} opened and checked in {clock.ElapsedMilliseconds} ms");
        }
    });

    [Fact]
    public Task The_sign_in_page_is_accessible() => portal.InBrowserAsync(async session =>
    {
        await PortalPages.OpenAsync(session.Page, "/account/signin");
        await Expect(session.Page.Locator("button[data-role]")).ToHaveCountAsync(PortalRoles.All.Count);
        await PortalPages.AssertNoErrorUiAsync(session, "sign-in page", portal.Diagnostics);
        await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(session.Page, "sign-in page");
    });

    [Fact]
    public Task An_anonymous_visit_to_my_work_is_sent_to_the_sign_in_page() => portal.InBrowserAsync(async session =>
    {
        await session.Page.GotoAsync("/");
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
        await Expect(session.Page.Locator("h1")).ToHaveTextAsync("Sign in to Portal");
        Assert.False(await PortalPages.HasSessionCookieAsync(session.Context));
    });

    [Fact]
    public Task A_practitioner_opening_the_user_administration_page_is_told_they_do_not_have_access() => portal.InBrowserAsync(async session =>
    {
        var page = session.Page;
        await PortalPages.SignInAsDemoUserAsync(page, PortalRole.Practitioner);

        await page.GotoAsync("/admin/users");
        await PortalPages.WaitUntilInteractiveAsync(page);

        await Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Email" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("practitioner@demo.portal.local")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content() => portal.InBrowserAsync(async session =>
    {
        var page = session.Page;
        await PortalPages.SignInAsDemoUserAsync(page, PortalRole.Administrator);
        // A page other than the home page: a skip link must not navigate away from the page it is on.
        await PortalPages.OpenAsync(page, "/admin/users");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Skip to main content");
        await Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
        Assert.Equal("/admin/users", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Users and roles");

        // The next Tab stop is inside the main content, not back in the header or navigation.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "After the skip link, Tab should move to the first control inside the main content.");
    });

    [Fact]
    public Task Following_a_navigation_link_moves_focus_to_the_new_page_heading() => portal.InBrowserAsync(async session =>
    {
        var page = session.Page;
        await PortalPages.SignInAsDemoUserAsync(page, PortalRole.Administrator);

        await page.Locator("nav[aria-label=Main]").GetByRole(AriaRole.Link, new() { Name = "Users and roles" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/users");
        var heading = page.Locator("h1");
        await Expect(heading).ToHaveTextAsync("Users and roles");
        // Screen readers announce the new page because focus moves to its heading.
        await Expect(heading).ToBeFocusedAsync();
        await PortalPages.AssertNoErrorUiAsync(session, "after in-app navigation", portal.Diagnostics);
    });
}
