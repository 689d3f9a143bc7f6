using Portal.Tests.Browser.Infrastructure;
using Xunit;

namespace Portal.Tests.Browser;

/// <summary>
/// One portal (development sign-in, demo data) and one chromium, shared by a test class; each test opens its
/// own browser context. Started together so their start-up times overlap.
/// </summary>
public sealed class DevelopmentPortalFixture : IAsyncLifetime
{
    public PortalServer Server { get; private set; } = null!;
    public Chromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = PortalServer.StartAsync();
        var chromium = Chromium.LaunchAsync();
        try
        {
            await Task.WhenAll(server, chromium);
        }
        catch
        {
            // WhenAll has waited for both; whatever did start must not outlive the failed start-up.
            if (chromium.IsCompletedSuccessfully) await chromium.Result.DisposeAsync();
            if (server.IsCompletedSuccessfully) await server.Result.DisposeAsync();
            throw;
        }
        Server = server.Result;
        Chromium = chromium.Result;
    }

    public Task<BrowserSession> NewSessionAsync() => Chromium.NewSessionAsync(Server.BaseUrl);

    /// <summary>The portal's output, for a failure message.</summary>
    public string Diagnostics() => $"--- portal output ---\n{ChildProcess.Tail(Server?.Output ?? "")}";

    /// <summary>Runs a test in a new browser session (own cookies); failures show the pages visited and the portal's output.</summary>
    public Task InBrowserAsync(Func<BrowserSession, Task> test) => PortalPages.InBrowserAsync(NewSessionAsync, Diagnostics, test);

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
    }
}
