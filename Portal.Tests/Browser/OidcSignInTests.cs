using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Portal.Tests.Browser.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Sign-in end to end through a real OpenID Connect provider in chromium: the portal's MSAL authorization code
/// flow with PKCE, state and nonce, app roles from the "roles" claim, and sign-out at the provider.
/// </summary>
[Trait("Category", "Browser")]
public sealed class OidcSignInTests(OidcPortalFixture oidc) : IClassFixture<OidcPortalFixture>
{
    private const string SignInError = "[role=alert].portal-alert-error";

    [Theory]
    [InlineData("tom", "Tom Evans", "Team Manager")]
    [InlineData("adam", "Adam Price", "Administrator")]
    public Task A_person_with_an_app_role_signs_in_at_the_provider_and_lands_on_my_work_with_that_role(string login, string name, string role) => InBrowserAsync(async session =>
    {
        var page = session.Page;

        await SignInAtProviderAsync(page, login);

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await PortalPages.WaitUntilSettledAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("My work");
        await Expect(page.Locator(".portal-user-name")).ToHaveTextAsync(name);
        await Expect(page.Locator(".portal-user-detail")).ToHaveTextAsync($"{role} · Central Bedfordshire Council");
        Assert.True(await PortalPages.HasSessionCookieAsync(session.Context), "A signed-in person has a portal session cookie.");
        Assert.DoesNotContain(await session.Context.CookiesAsync(), c => c.Name == "Portal.SignIn");
        await PortalPages.AssertNoErrorUiAsync(session, $"{login} after sign-in", oidc.Diagnostics);
    });

    [Fact]
    public Task A_person_without_an_app_role_signs_in_and_lands_on_the_awaiting_access_page() => InBrowserAsync(async session =>
    {
        var page = session.Page;

        await SignInAtProviderAsync(page, "newstarter");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/awaiting-access");
        await PortalPages.WaitUntilSettledAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your access is being set up");
        await PortalPages.AssertNoErrorUiAsync(session, "awaiting access page", oidc.Diagnostics);
        await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(page, "awaiting access page");

        // Signed in, but nothing else is open to them.
        await PortalPages.OpenAsync(page, "/admin/users");
        await Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
    });

    [Fact]
    public Task A_callback_with_a_tampered_state_is_rejected_and_no_session_starts() => InBrowserAsync(async session =>
    {
        var page = session.Page;
        // Stop the provider's redirect back to the portal, as an attacker in the middle would, and keep its address.
        var callback = await HoldRequestsAsync(session, oidc.Server.BaseUrl + "/signin-oidc");

        await SignInAtProviderAsync(page, "tom");
        var original = await callback.FirstAsync();
        await callback.ReleaseAsync();

        var query = QueryHelpers.ParseQuery(new Uri(original).Query);
        var state = query["state"].ToString();
        Assert.False(string.IsNullOrEmpty(state), $"The provider's redirect carries the portal's state: {original}");
        Assert.False(string.IsNullOrEmpty(query["code"].ToString()), $"The provider's redirect carries a code: {original}");
        var tampered = original.Replace($"state={state}", $"state={Tamper(state)}", StringComparison.Ordinal);
        Assert.NotEqual(original, tampered);

        await page.GotoAsync(tampered);

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator(SignInError)).ToContainTextAsync("was not started in this browser");
        Assert.False(await PortalPages.HasSessionCookieAsync(session.Context), "A rejected sign-in must not start a session.");
        Assert.Contains("Sign-in callback rejected: state", oidc.Server.Output);

        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
    });

    [Fact]
    public Task A_replayed_authorization_code_is_rejected_and_no_session_starts() => InBrowserAsync(async replay =>
    {
        // A real sign-in; keep the callback address (code and state) it used.
        string used;
        await using (var first = await oidc.NewSessionAsync())
        {
            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            first.Page.Request += (_, request) =>
            {
                if (request.Url.StartsWith(oidc.Server.BaseUrl + "/signin-oidc", StringComparison.Ordinal))
                    seen.TrySetResult(request.Url);
            };
            await SignInAtProviderAsync(first.Page, "tom");
            await first.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            await PortalPages.WaitUntilSettledAsync(first.Page);
            used = await seen.Task.WaitAsync(Chromium.NavigationTimeout);
        }
        var code = QueryHelpers.ParseQuery(new Uri(used).Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code));

        // Replayed as it was, in another browser: the state is single-use and bound to the first browser.
        await replay.Page.GotoAsync(used);
        await replay.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
        await Expect(replay.Page.Locator(SignInError)).ToContainTextAsync("was not started in this browser");
        Assert.False(await PortalPages.HasSessionCookieAsync(replay.Context));

        // Replayed with a fresh, valid state of this browser's own sign-in: the portal accepts the state and sends
        // the old code to the provider, which refuses it. The code is bound (PKCE) to the first sign-in's verifier,
        // which only the portal held and discarded with that sign-in's state; it has also been used already.
        var authorize = await HoldRequestsAsync(replay, oidc.Issuer + "/auth?");
        await PortalPages.OpenAsync(replay.Page, "/account/signin");
        await replay.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your work account" }).ClickAsync();
        var freshState = QueryHelpers.ParseQuery(new Uri(await authorize.FirstAsync()).Query)["state"].ToString();
        await authorize.ReleaseAsync();
        Assert.False(string.IsNullOrEmpty(freshState));

        var refusedBefore = CountOf(oidc.Server.Output, "Authorization code was refused");
        var replayed = QueryHelpers.AddQueryString($"{oidc.Server.BaseUrl}/signin-oidc",
            new Dictionary<string, string?> { ["code"] = code, ["state"] = freshState, ["iss"] = oidc.Issuer });
        await replay.Page.GotoAsync(replayed);

        await replay.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
        await PortalPages.WaitUntilInteractiveAsync(replay.Page);
        await Expect(replay.Page.Locator(SignInError)).ToContainTextAsync("could not be completed");
        Assert.False(await PortalPages.HasSessionCookieAsync(replay.Context), "A replayed code must not start a session.");
        Assert.True(CountOf(oidc.Server.Output, "Authorization code was refused") > refusedBefore,
            $"The portal should have sent the code to the provider and been refused.\n{oidc.Diagnostics()}");
        Assert.Contains("grant.error: invalid_grant", oidc.ProviderOutput);
    });

    [Fact]
    public Task Signing_out_ends_the_portal_session_and_the_provider_session() => InBrowserAsync(async session =>
    {
        var page = session.Page;
        await SignInAtProviderAsync(page, "tom");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await PortalPages.WaitUntilSettledAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The provider's end-session page, reached from the portal with the ID token as a hint.
        await page.WaitForURLAsync(url => url.StartsWith(oidc.Issuer + "/session/end", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(oidc.Server.BaseUrl + "/account/signed-out", StringComparison.Ordinal));
        await PortalPages.WaitUntilSettledAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("You have signed out");
        await PortalPages.AssertNoSeriousAccessibilityViolationsAsync(page, "signed-out page");
        Assert.False(await PortalPages.HasSessionCookieAsync(session.Context), "The portal session cookie is gone.");

        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");

        // The provider asks for the password again: its session ended too (otherwise it would sign straight back in).
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your work account" }).ClickAsync();
        await Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        Assert.StartsWith(oidc.Issuer, page.Url);
    });

    private Task InBrowserAsync(Func<BrowserSession, Task> test) => PortalPages.InBrowserAsync(oidc.NewSessionAsync, oidc.Diagnostics, test);

    /// <summary>From the portal's sign-in page through the provider's login (and consent) forms.</summary>
    private async Task SignInAtProviderAsync(IPage page, string login)
    {
        await PortalPages.OpenAsync(page, "/account/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your work account" }).ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(oidc.Issuer + "/interaction/", StringComparison.Ordinal));
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("any password: the test provider accepts any");
        await page.Locator("button[type=submit]").ClickAsync();

        // Every test uses a new browser, so a new provider session: the provider always asks for consent.
        await page.Locator("form:has(input[name=prompt][value=consent]) button[type=submit]").ClickAsync();
    }

    /// <summary>
    /// Stops chromium loading addresses that start with <paramref name="prefix"/> and reports them. Done with the
    /// DevTools protocol's Fetch domain because Playwright's routing does not see redirect hops, and the provider's
    /// redirect to the portal's callback (like the portal's redirect to the provider) is one.
    /// </summary>
    private static async Task<HeldRequests> HoldRequestsAsync(BrowserSession session, string prefix)
    {
        var cdp = await session.Context.NewCDPSessionAsync(session.Page);
        var held = new HeldRequests(cdp);
        cdp.Event("Fetch.requestPaused").OnEvent += async (_, paused) =>
        {
            if (paused is not { } e)
                return;
            var requestId = e.GetProperty("requestId").GetString()!;
            held.Seen.TrySetResult(e.GetProperty("request").GetProperty("url").GetString()!);
            try
            {
                await cdp.SendAsync("Fetch.failRequest", new() { ["requestId"] = requestId, ["errorReason"] = "BlockedByClient" });
            }
            catch (PlaywrightException) { /* the page went away */ }
        };
        await cdp.SendAsync("Fetch.enable", new()
        {
            ["patterns"] = new[] { new Dictionary<string, object> { ["urlPattern"] = prefix + "*", ["requestStage"] = "Request" } },
        });
        return held;
    }

    private sealed class HeldRequests(ICDPSession cdp)
    {
        public TaskCompletionSource<string> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> FirstAsync() => Seen.Task.WaitAsync(Chromium.NavigationTimeout);

        public async Task ReleaseAsync()
        {
            await cdp.SendAsync("Fetch.disable");
            await cdp.DetachAsync();
        }
    }

    private static string Tamper(string state) => (state[0] == 'A' ? 'B' : 'A') + state[1..];

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
