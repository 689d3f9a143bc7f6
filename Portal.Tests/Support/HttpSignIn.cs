using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Portal.App.Data;
using Portal.Core.Organisations;

namespace Portal.Tests.Support;

/// <summary>Signs an HTTP client in through the development sign-in form, antiforgery token and all.</summary>
public static partial class HttpSignIn
{
    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> factory, PortalRole role)
    {
        Guid userId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var email = DemoData.EmailFor(role);
            userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/signin");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/dev-login", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
            new("userId", userId.ToString()),
            new("returnUrl", "/"),
        ]));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"Sign-in as {role} failed: {response.StatusCode} {response.Headers.Location}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
