using Microsoft.Playwright;

namespace Portal.Tests.Browser.Infrastructure;

/// <summary>
/// The machine's own chromium (/usr/bin/chromium, installed by test.sh) driven by Playwright; Playwright's
/// browser download is never used. One browser per fixture; each test gets a fresh context (own cookies).
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Generous: a 2-core machine shared with builds can be slow, and every wait is on a condition.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(60);

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: run ./test.sh (it installs chromium) or `apt-get install -y chromium`.");
        // Expect(...) assertions wait on their condition; give them as long as any other action.
        Assertions.SetDefaultExpectTimeout((float)ActionTimeout.TotalMilliseconds);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Timeout = (float)NavigationTimeout.TotalMilliseconds,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    // Only loopback exists for these tests: any other host (web fonts on the test provider's
                    // pages) fails at once instead of waiting on a network that is not there.
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                ],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh, isolated browser session (no cookies) at laptop size, with the page's errors recorded.</summary>
    public async Task<BrowserSession> NewSessionAsync(string baseUrl, bool ignoreHttpsErrors = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
            IgnoreHTTPSErrors = ignoreHttpsErrors,
        });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)NavigationTimeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>
/// One test's browser context and page, with the JavaScript errors the portal's pages reported and the
/// addresses the page went through (for failure messages).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _navigations = [];

    public BrowserSession(IBrowserContext context, IPage page, string portalBaseUrl)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // Only the portal's own pages count: another site's page (the test identity provider's) is not ours to fix.
            var location = message.Location;
            var fromPortal = location.StartsWith(portalBaseUrl, StringComparison.Ordinal)
                             || (!location.StartsWith("http", StringComparison.Ordinal) && page.Url.StartsWith(portalBaseUrl, StringComparison.Ordinal));
            if (message.Type == "error" && fromPortal)
                lock (_errors) _errors.Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) =>
        {
            if (page.Url.StartsWith(portalBaseUrl, StringComparison.Ordinal))
                lock (_errors) _errors.Add($"page error: {error}");
        };
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest)
                lock (_navigations) _navigations.Add($"{response.Status} {response.Request.Method} {response.Url}");
        };
    }

    /// <summary>Every page-level request and its status, in order (redirects included).</summary>
    public string NavigationLog
    {
        get { lock (_navigations) return string.Join("\n", _navigations.TakeLast(40)); }
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) return _errors.ToList(); }
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
