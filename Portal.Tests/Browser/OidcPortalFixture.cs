using System.Security.Cryptography;
using Portal.Tests.Browser.Infrastructure;
using Xunit;

namespace Portal.Tests.Browser;

/// <summary>
/// A real OpenID Connect provider (oidc-provider on node:https, Browser/oidc/provider.js) with a throwaway
/// self-signed certificate, the portal configured to sign in through it (AzureAd:Authority) and trusting that
/// certificate through SSL_CERT_FILE — no test-only code path in the portal — and a chromium.
/// </summary>
public sealed class OidcPortalFixture : IAsyncLifetime
{
    public const string ClientId = "portal-browser-tests";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-oidc-tests", Guid.NewGuid().ToString("N"));
    private ChildProcess? _provider;

    public PortalServer Server { get; private set; } = null!;
    public Chromium Chromium { get; private set; } = null!;

    /// <summary>The provider's issuer, e.g. https://127.0.0.1:40123.</summary>
    public string Issuer { get; private set; } = "";

    public string ProviderOutput => _provider?.Output ?? "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var chromium = Chromium.LaunchAsync();
        try
        {
            var (certificate, key, trustBundle) = await CreateCertificateAsync();
            await EnsureProviderPackagesAsync();

            var clientSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            // The provider must know the portal's redirect URI before the portal starts, so the port is chosen first.
            var portalPort = ChildProcess.FreeLoopbackPort();
            var node = ChildProcess.FindOnPath("node") ?? throw new InvalidOperationException("node is not on PATH (Node 20+ is needed for the OpenID Connect tests).");
            _provider = ChildProcess.Start("oidc-provider", node, ["provider.js"], RepositoryPaths.OidcProviderFolder, new Dictionary<string, string?>
            {
                ["OIDC_CERT"] = certificate,
                ["OIDC_KEY"] = key,
                ["OIDC_CLIENT_ID"] = ClientId,
                ["OIDC_CLIENT_SECRET"] = clientSecret,
                ["PORTAL_URL"] = $"http://127.0.0.1:{portalPort}",
            });
            const string ready = "OIDC provider ready at ";
            var line = await _provider.WaitForOutputAsync(l => l.StartsWith(ready, StringComparison.Ordinal), StartTimeout);
            Issuer = line[ready.Length..].Trim();

            Server = await PortalServer.StartAsync(portalPort, new Dictionary<string, string?>
            {
                ["AzureAd__ClientId"] = ClientId,
                ["AzureAd__ClientSecret"] = clientSecret,
                ["AzureAd__Authority"] = Issuer,
                ["SSL_CERT_FILE"] = trustBundle,
            });
            Chromium = await chromium;
        }
        catch
        {
            try { await (await chromium).DisposeAsync(); } catch { /* the launch itself failed */ }
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A browser session that accepts the provider's self-signed certificate (the portal verifies it properly).</summary>
    public Task<BrowserSession> NewSessionAsync() => Chromium.NewSessionAsync(Server.BaseUrl, ignoreHttpsErrors: true);

    /// <summary>The portal's and the provider's output, for a failure message.</summary>
    public string Diagnostics() =>
        $"--- portal output ---\n{ChildProcess.Tail(Server?.Output ?? "", 8000)}\n--- provider output ---\n{ChildProcess.Tail(ProviderOutput, 4000)}";

    private async Task<(string Certificate, string Key, string TrustBundle)> CreateCertificateAsync()
    {
        var openssl = ChildProcess.FindOnPath("openssl") ?? throw new InvalidOperationException("openssl is not on PATH (./test.sh installs it).");
        var certificate = Path.Combine(_directory, "provider.crt");
        var key = Path.Combine(_directory, "provider.key");
        await ChildProcess.RunAsync(openssl,
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate],
            _directory, TimeSpan.FromSeconds(60));

        // The portal trusts the public CAs as usual plus this one certificate.
        var bundle = Path.Combine(_directory, "trust-bundle.pem");
        var system = new[] { "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt" }.FirstOrDefault(File.Exists);
        await File.WriteAllTextAsync(bundle, (system is null ? "" : await File.ReadAllTextAsync(system)) + "\n" + await File.ReadAllTextAsync(certificate));
        return (certificate, key, bundle);
    }

    /// <summary>./test.sh installs the provider's packages; this covers a plain `dotnet test` on a fresh clone.</summary>
    private static async Task EnsureProviderPackagesAsync()
    {
        var folder = RepositoryPaths.OidcProviderFolder;
        if (Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
            return;
        var npm = ChildProcess.FindOnPath("npm") ?? throw new InvalidOperationException("npm is not on PATH; run ./test.sh.");
        await ChildProcess.RunAsync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], folder, TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
