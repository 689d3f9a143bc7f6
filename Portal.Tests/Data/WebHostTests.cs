using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.Data;

/// <summary>The real app in process (TestServer) over a real SQLite file: start-up rules and HTTP-level security.</summary>
public class WebHostTests
{
    private static WebApplicationFactory<Program> Factory(string environment, params (string Key, string Value)[] settings)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"portal-web-{Guid.NewGuid():N}.db");
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("ConnectionStrings:Portal", $"Data Source={dbPath}");
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });
    }

    private static HttpClient NoRedirects(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Healthz_reports_the_database_as_healthy()
    {
        await using var factory = Factory("Development");
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Production_refuses_to_start_without_entra_configuration()
    {
        using var factory = Factory("Production");

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("AzureAd:ClientId", ex.ToString());
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_with_their_destination_kept()
    {
        await using var factory = Factory("Development");
        var response = await NoRedirects(factory).GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fusers", response.Headers.Location!.Query);
    }

    [Fact]
    public async Task The_development_sign_in_lists_one_demo_user_per_role()
    {
        await using var factory = Factory("Development");
        var html = await factory.CreateClient().GetStringAsync("/account/signin");

        foreach (var role in Portal.Core.Organisations.PortalRoles.All)
            Assert.Contains($"data-role=\"{role}\"", html);
    }

    [Fact]
    public async Task With_entra_configured_there_is_no_development_sign_in()
    {
        await using var factory = Factory("Development",
            ("AzureAd:ClientId", "portal-test"), ("AzureAd:ClientSecret", "secret"), ("AzureAd:TenantId", "contoso.onmicrosoft.com"));
        var client = NoRedirects(factory);

        var post = await client.PostAsync("/account/dev-login", new FormUrlEncodedContent([new("userId", Guid.NewGuid().ToString())]));
        var page = await client.GetStringAsync("/account/signin");

        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"dev-login answered {post.StatusCode}");
        Assert.DoesNotContain("Development sign-in", page);
        Assert.Contains("Sign in with your work account", page);
    }

    [Fact]
    public async Task A_callback_without_a_started_sign_in_is_rejected_without_a_session()
    {
        await using var factory = Factory("Development",
            ("AzureAd:ClientId", "portal-test"), ("AzureAd:ClientSecret", "secret"), ("AzureAd:TenantId", "contoso.onmicrosoft.com"));
        var response = await NoRedirects(factory).GetAsync("/signin-oidc?code=stolen&state=forged");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin?error=", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("Portal.Session=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970")));
    }

    [Fact]
    public async Task Sign_out_requires_an_antiforgery_token()
    {
        await using var factory = Factory("Development");
        var response = await NoRedirects(factory).PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
