using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Portal.App.Auth;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app, SignInMode mode)
    {
        var account = app.MapGroup("/account").AllowAnonymous();

        if (mode == SignInMode.Entra)
        {
            account.MapGet("/login", (HttpContext http, EntraSignIn entra, string? returnUrl) => entra.ChallengeAsync(http, returnUrl));
            var callback = app.Services.GetRequiredService<IOptions<AzureAdOptions>>().Value.CallbackPath;
            app.MapGet(callback, (HttpContext http, EntraSignIn entra) => entra.CallbackAsync(http)).AllowAnonymous();
        }
        else
        {
            // Only ever mapped in Development without AzureAd configuration (see Program.cs): there is no
            // route to it in Production.
            account.MapPost("/dev-login", async (HttpContext http, PrincipalFactory principals,
                [FromForm] Guid userId, [FromForm] string? returnUrl) =>
            {
                var principal = await principals.CreateAsync(userId, "development");
                if (principal is null)
                    return Results.Redirect("/account/signin?error=" + Uri.EscapeDataString("That demo user is disabled."));
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
                return Results.Redirect(principal.IsInRoleAny() ? EntraSignIn.LocalOnly(returnUrl) : "/account/awaiting-access");
            });
        }

        account.MapPost("/logout", async (HttpContext http, IServiceProvider services, IAntiforgery antiforgery) =>
        {
            // A cross-site form must not be able to sign people out; the endpoint binds no form, so check here.
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.BadRequest("Your sign-out request could not be verified. Reload the page and try again.");
            var method = http.User.FindFirst(PortalClaims.SignInMethod)?.Value;
            var hint = http.User.FindFirst(PortalClaims.IdTokenHint)?.Value;
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (method == "entra" && services.GetService<EntraSignIn>() is { } entra &&
                await entra.EndSessionUrlAsync(http, hint) is { } endSession)
                return Results.Redirect(endSession);
            return Results.Redirect("/account/signed-out");
        }).DisableAntiforgery();
    }
}

public enum SignInMode
{
    Entra,
    Development,
}
