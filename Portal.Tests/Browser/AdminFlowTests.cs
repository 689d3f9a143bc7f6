using Microsoft.Playwright;
using Portal.Core.Organisations;
using Portal.Tests.Browser.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>A portal whose open pages re-check access every 2 seconds, so revocation can be seen quickly.</summary>
public sealed class FastRevalidationPortalFixture : IAsyncLifetime
{
    public PortalServer Server { get; private set; } = null!;
    public Chromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = PortalServer.StartAsync(environment: new Dictionary<string, string?> { ["Portal__RevalidationSeconds"] = "2" });
        var chromium = Chromium.LaunchAsync();
        try
        {
            await Task.WhenAll(server, chromium);
        }
        catch
        {
            if (chromium.IsCompletedSuccessfully) await chromium.Result.DisposeAsync();
            if (server.IsCompletedSuccessfully) await server.Result.DisposeAsync();
            throw;
        }
        (Server, Chromium) = (server.Result, chromium.Result);
    }

    public string Diagnostics() => $"--- portal output ---\n{ChildProcess.Tail(Server?.Output ?? "")}";

    public Task InBrowserAsync(Func<BrowserSession, Task> test) =>
        PortalPages.InBrowserAsync(() => Chromium.NewSessionAsync(Server.BaseUrl), Diagnostics, test);

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
    }
}

[Trait("Category", "Browser")]
public sealed class AdminFlowTests(FastRevalidationPortalFixture portal) : IClassFixture<FastRevalidationPortalFixture>
{
    [Fact]
    public Task An_administrator_adds_a_team_disables_a_user_whose_open_page_loses_access_and_finds_both_in_the_audit_trail() =>
        portal.InBrowserAsync(async admin => await portal.InBrowserAsync(async practitioner =>
        {
            var page = admin.Page;
            await PortalPages.SignInAsDemoUserAsync(page, PortalRole.Administrator);

            // Add a team to Luton.
            await PortalPages.OpenAsync(page, "/admin/organisations");
            await page.GetByRole(AriaRole.Button, new() { Name = "Teams in Luton Borough Council" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Teams in Luton Borough Council" })).ToBeVisibleAsync();
            await page.GetByLabel("Team name").FillAsync("Luton Emergency Duty Team");
            await page.GetByLabel("Service (optional)").FillAsync("EDT");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add team" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Luton Emergency Duty Team", Exact = true })).ToBeVisibleAsync();
            await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(page, "organisations page with teams");

            // The practitioner is working with the portal open.
            await PortalPages.SignInAsDemoUserAsync(practitioner.Page, PortalRole.Practitioner);
            await Expect(practitioner.Page.Locator("h1")).ToHaveTextAsync("My work");

            // Disable the practitioner.
            await PortalPages.OpenAsync(page, "/admin/users");
            await page.GetByLabel("Name or email").FillAsync("Priya");
            await page.GetByRole(AriaRole.Link, new() { Name = "Priya Patel" }).ClickAsync();
            await PortalPages.WaitUntilSettledAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Edit Priya Patel");
            await page.GetByLabel("Can sign in").UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();
            await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(page, "user edit page");

            // Without reloading, the practitioner's page loses access within the revalidation interval.
            await practitioner.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin", new() { Timeout = 30_000 });
            Assert.False(await PortalPages.HasSessionCookieAsync(practitioner.Context));

            // Both changes are in the audit trail with who made them.
            await PortalPages.OpenAsync(page, "/admin/audit");
            await page.GetByLabel("Record type").SelectOptionAsync("PortalUser");
            await Expect(page.GetByText("IsEnabled").First).ToBeVisibleAsync();
            await Expect(page.Locator("tr", new() { HasText = "IsEnabled" }).First).ToContainTextAsync("Adam Price");
            await Expect(page.Locator("tr", new() { HasText = "IsEnabled" }).First).ToContainTextAsync("True → False");
            await page.GetByLabel("Record type").SelectOptionAsync("Team");
            await Expect(page.GetByText("Luton Emergency Duty Team").First).ToBeVisibleAsync();
            await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(page, "audit trail");
        }));

    [Fact]
    public Task The_layout_fits_a_tablet_without_sideways_scrolling() => portal.InBrowserAsync(async session =>
    {
        var page = session.Page;
        await page.SetViewportSizeAsync(768, 1024);
        await PortalPages.SignInAsDemoUserAsync(page, PortalRole.Administrator);

        foreach (var path in new[] { "/", "/admin/users", "/admin/organisations" })
        {
            await PortalPages.OpenAsync(page, path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 1, $"{path} scrolls sideways by {overflow}px at 768px wide");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        }
    });
}
