using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Portal.App.Data;
using Portal.Core.Organisations;

namespace Portal.App.Auth;

/// <summary>Builds the cookie principal from the portal's own records, the source of truth for access.</summary>
public sealed class PrincipalFactory(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<ClaimsPrincipal?> CreateAsync(Guid userId, string signInMethod, string? idTokenHint = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !user.IsEnabled)
            return null;
        var organisation = user.OrganisationId is { } orgId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.IsActive }).FirstOrDefaultAsync(cancellationToken)
            : null;

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(PortalClaims.UserId, user.Id.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email),
            new(PortalClaims.SecurityStamp, user.SecurityStamp),
            new(PortalClaims.SignInMethod, signInMethod),
        };
        if (idTokenHint is not null)
            claims.Add(new Claim(PortalClaims.IdTokenHint, idTokenHint));
        // Without an active organisation a person has nothing they may see, so they get no role claims.
        if (organisation is { IsActive: true })
        {
            claims.Add(new Claim(PortalClaims.OrganisationId, user.OrganisationId!.Value.ToString()));
            claims.Add(new Claim(PortalClaims.OrganisationName, organisation.Name));
            claims.AddRange(user.Teams.Select(t => new Claim(PortalClaims.TeamId, t.TeamId.ToString())));
            claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.Role.ToString())));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Whether a principal still matches the stored user (same stamp, still enabled).</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(PortalClaims.UserId), out var id))
            return false;
        var stamp = principal.FindFirstValue(PortalClaims.SecurityStamp);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Id == id && u.IsEnabled && u.SecurityStamp == stamp, cancellationToken);
    }
}

public static class PortalRoleClaims
{
    public static IEnumerable<PortalRole> From(IEnumerable<string> values) =>
        values.Select(PortalRoles.FromClaimValue).OfType<PortalRole>().Distinct();
}
