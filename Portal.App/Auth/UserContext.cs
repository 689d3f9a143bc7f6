using System.Security.Claims;
using Portal.Core.Organisations;

namespace Portal.App.Auth;

public static class PortalClaims
{
    public const string UserId = "portal:user_id";
    public const string OrganisationId = "portal:org_id";
    public const string OrganisationName = "portal:org_name";
    public const string TeamId = "portal:team_id";
    public const string SecurityStamp = "portal:stamp";
    public const string IdTokenHint = "portal:id_token_hint";
    public const string SignInMethod = "portal:signin_method";
}

/// <summary>Who is acting, with the organisation and teams that scope what they may see.</summary>
public sealed record UserContext(
    Guid UserId,
    string DisplayName,
    Guid? OrganisationId,
    string? OrganisationName,
    IReadOnlySet<Guid> TeamIds,
    IReadOnlySet<PortalRole> Roles)
{
    public bool IsInRole(PortalRole role) => Roles.Contains(role);

    public bool IsInAnyRole(params PortalRole[] roles) => roles.Any(Roles.Contains);

    public string RoleSummary => Roles.Count == 0 ? "No role" : string.Join(", ", Roles.Order().Select(r => r.Describe()));

    public static UserContext? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || !Guid.TryParse(principal.FindFirstValue(PortalClaims.UserId), out var id))
            return null;
        Guid? org = Guid.TryParse(principal.FindFirstValue(PortalClaims.OrganisationId), out var o) ? o : null;
        return new UserContext(
            id,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            org,
            principal.FindFirstValue(PortalClaims.OrganisationName),
            principal.FindAll(PortalClaims.TeamId).Select(c => Guid.Parse(c.Value)).ToHashSet(),
            principal.FindAll(ClaimTypes.Role).Select(c => PortalRoles.FromClaimValue(c.Value)).OfType<PortalRole>().ToHashSet());
    }
}
