using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.App.Auth;

/// <summary>
/// The signed-in person for this scope: a Blazor circuit (from its authentication state) or an HTTP request
/// (from HttpContext.User). Feature services ask it before every query so scoping is enforced on the server.
/// </summary>
public sealed class CurrentUser(IServiceProvider services, IHttpContextAccessor httpContextAccessor)
{
    private UserContext? _cached;

    public async Task<UserContext?> GetAsync() => _cached = UserContext.FromPrincipal(await PrincipalAsync());

    /// <summary>
    /// Checks a named policy on the server and throws when it fails, so a service method can never be
    /// reached around the page's own check. Returns the user for scoping the query that follows.
    /// </summary>
    public async Task<UserContext> AuthorizeAsync(string policy)
    {
        var principal = await PrincipalAsync();
        var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, policy);
        if (!result.Succeeded)
            throw new UnauthorizedAccessException("Your role does not allow this.");
        return _cached = UserContext.FromPrincipal(principal) ?? throw new UnauthorizedAccessException("You need to sign in to do that.");
    }

    private async Task<ClaimsPrincipal> PrincipalAsync()
    {
        // Re-read every time: a circuit's state changes when revalidation ends a session.
        var authState = services.GetService<AuthenticationStateProvider>();
        if (authState is not null)
        {
            try
            {
                return (await authState.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Outside a component (a minimal-API endpoint) the provider has no state; use HttpContext.
            }
        }
        return httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>Synchronous read for places that cannot await; null when not yet resolved.</summary>
    public UserContext? Peek() => _cached ?? UserContext.FromPrincipal(httpContextAccessor.HttpContext?.User);

    /// <summary>The signed-in user, or an exception a feature service lets surface as "not signed in".</summary>
    public async Task<UserContext> RequireAsync() =>
        await GetAsync() ?? throw new UnauthorizedAccessException("You need to sign in to do that.");
}
