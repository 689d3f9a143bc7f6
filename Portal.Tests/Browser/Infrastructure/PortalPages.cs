using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Core.Organisations;
using Xunit;

namespace Portal.Tests.Browser.Infrastructure;

/// <summary>What every browser test does with a portal page: wait for it, sign in, check it is healthy and accessible.</summary>
public static class PortalPages
{
    /// <summary>Blazor has attached to the page: buttons now respond (InteractiveMarker sets data-ready in OnAfterRender).</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#portal-ready[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Opens a page by full load and waits until it is interactive and has finished loading its data.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitUntilSettledAsync(page);
    }

    public static async Task WaitUntilSettledAsync(IPage page)
    {
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        // "Loading…" / "Checking your access…" placeholders are gone once the page's data has arrived.
        await Assertions.Expect(page.Locator("[role=status]").Filter(new() { HasTextRegex = new("Loading|Checking your access") }))
            .ToHaveCountAsync(0);
    }

    /// <summary>Signs in through the development sign-in page as the demo user with this role.</summary>
    public static async Task SignInAsDemoUserAsync(IPage page, PortalRole role)
    {
        await OpenAsync(page, "/account/signin");
        await page.Locator($"button[data-role={role}]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/signin", StringComparison.Ordinal));
        await WaitUntilSettledAsync(page);
    }

    /// <summary>No Blazor error bar, no "unhandled error" text, no JavaScript errors (a crashed circuit logs one).</summary>
    public static async Task AssertNoErrorUiAsync(BrowserSession session, string where, Func<string>? diagnostics = null)
    {
        var page = session.Page;
        var errorBarVisible = await page.Locator("#blazor-error-ui").IsVisibleAsync();
        var unhandledText = await page.GetByText("An unhandled error").CountAsync();
        var errors = session.Errors;
        if (errorBarVisible || unhandledText > 0 || errors.Count > 0)
            Assert.Fail($"{where}: the page shows an error (error bar visible: {errorBarVisible}, 'An unhandled error' shown: {unhandledText > 0}).\n" +
                        $"Browser errors:\n  {string.Join("\n  ", errors)}\n" +
                        diagnostics?.Invoke());
    }

    /// <summary>
    /// Runs a test in a new browser session; a failure also shows the pages the browser went through and the
    /// servers' output, which is usually what explains it.
    /// </summary>
    public static async Task InBrowserAsync(Func<Task<BrowserSession>> open, Func<string> diagnostics, Func<BrowserSession, Task> test)
    {
        await using var session = await open();
        try
        {
            await test(session);
        }
        catch (Exception ex) when (!ex.Message.Contains(Marker, StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException(
                $"{ex.GetType().Name}: {ex.Message}\n{Marker}\n{session.NavigationLog}\n{diagnostics()}\n{ex.StackTrace}");
        }
    }

    private const string Marker = "--- pages visited ---";

    /// <summary>Runs axe-core in the page; fails on any serious or critical violation, listing each with its elements.</summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(IPage page, string where)
    {
        // Only violations are reported back: the details of every passing check make a run several times slower.
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count == 0)
            return;
        var message = new StringBuilder($"{where} ({page.Url}): {serious.Count} serious or critical accessibility violation(s):\n");
        foreach (var violation in serious)
        {
            message.AppendLine($"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(10))
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Distinct();
                message.AppendLine($"    at {node.Target}: {node.Html}\n      {string.Join("\n      ", checks)}");
            }
        }
        Assert.Fail(message.ToString());
    }

    /// <summary>The cookies of the portal's own session (never set by a failed sign-in).</summary>
    public static async Task<bool> HasSessionCookieAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).Any(c => c.Name.StartsWith("Portal.Session", StringComparison.Ordinal));
}
