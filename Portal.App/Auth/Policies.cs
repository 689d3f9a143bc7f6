using Microsoft.AspNetCore.Authorization;
using Portal.Core.Organisations;

namespace Portal.App.Auth;

/// <summary>
/// Named authorisation policies. Pages declare one with [Authorize(Policy = ...)] and feature services check
/// the same rule again on the server before every data change.
/// </summary>
public static class Policies
{
    /// <summary>Signed in, with or without a role (the "awaiting access" page).</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Signed in with at least one portal role.</summary>
    public const string PortalUser = nameof(PortalUser);
    public const string Administer = nameof(Administer);
    public const string ViewAuditTrail = nameof(ViewAuditTrail);

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(PortalUser, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.All.Select(r => r.ToString())));
        options.AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.Administrator)));
        options.AddPolicy(ViewAuditTrail, p => p.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.Administrator)));
    }
}
