namespace Portal.Tests.Browser.Infrastructure;

/// <summary>
/// The real portal, started as its own process from the built executable, in Development (static web assets
/// are served from the project and package folders only there), on a loopback port, over a fresh SQLite file.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly ChildProcess _process;
    private readonly string _directory;

    private PortalServer(ChildProcess process, string directory, string baseUrl)
    {
        _process = process;
        _directory = directory;
        BaseUrl = baseUrl;
    }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public string Output => _process.Output;

    public Uri Url(string path) => new(new Uri(BaseUrl), path);

    /// <param name="port">A fixed port, when something else must know the address first; otherwise the app picks a free one.</param>
    /// <param name="environment">Extra environment variables (configuration such as AzureAd__ClientId).</param>
    public static async Task<PortalServer> StartAsync(int? port = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var executable = RepositoryPaths.PortalExecutable;
        var directory = Path.Combine(Path.GetTempPath(), "portal-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port ?? 0}",
            ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(directory, "portal.db")}",
            ["Portal__SeedDemoData"] = "true",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            env[key] = value;

        var process = ChildProcess.Start("Portal.App", executable, [], Path.GetDirectoryName(executable)!, env);
        try
        {
            const string marker = "Now listening on: ";
            var line = await process.WaitForOutputAsync(l => l.Contains(marker), StartTimeout);
            var baseUrl = line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim().TrimEnd('/');
            await process.WaitForHttpOkAsync(baseUrl + "/healthz", StartTimeout);
            return new PortalServer(process, directory, baseUrl);
        }
        catch
        {
            await process.DisposeAsync();
            TryDelete(directory);
            throw;
        }
    }

    /// <summary>The app's output, for a failure message.</summary>
    public string OutputTail() => ChildProcess.Tail(Output);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        TryDelete(_directory);
    }

    private static void TryDelete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
