using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Portal.App.Auth;

/// <summary>
/// On each request, compares the cookie's security stamp with the stored user: a changed stamp (new role,
/// new team) refreshes the session from the record; a disabled or deleted user is signed out.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principals = context.HttpContext.RequestServices.GetRequiredService<PrincipalFactory>();
        if (context.Principal is null || await principals.IsCurrentAsync(context.Principal))
            return;
        var userId = context.Principal.FindFirst(PortalClaims.UserId)?.Value;
        var refreshed = Guid.TryParse(userId, out var id)
            ? await principals.CreateAsync(id,
                context.Principal.FindFirst(PortalClaims.SignInMethod)?.Value ?? "unknown",
                context.Principal.FindFirst(PortalClaims.IdTokenHint)?.Value)
            : null;
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.ReplacePrincipal(refreshed);
        context.ShouldRenew = true;
    }
}
