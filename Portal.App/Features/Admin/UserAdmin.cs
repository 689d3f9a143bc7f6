using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Organisations;

namespace Portal.App.Features.Admin;

/// <summary>Users, their organisation, teams and roles, for Administrators.</summary>
public sealed class UserAdmin(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record UserRow(Guid Id, string DisplayName, string Email, string? Organisation, bool IsEnabled, string Roles);

    public sealed record UserDetail(Guid Id, int Version, string DisplayName, string Email, string? JobTitle, Guid? OrganisationId,
        bool IsEnabled, bool LinkedToSignInAccount, IReadOnlyList<PortalRole> Roles, IReadOnlyList<Guid> TeamIds);

    public sealed record UserQuery(string? Search, Guid? OrganisationId, PortalRole? Role, int Skip, int Take);

    public async Task<(IReadOnlyList<UserRow> Rows, int Total)> SearchAsync(UserQuery query, CancellationToken cancellationToken = default)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            users = users.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email.Contains(term));
        }
        if (query.OrganisationId is { } orgId)
            users = users.Where(u => u.OrganisationId == orgId);
        if (query.Role is { } role)
            users = users.Where(u => u.Roles.Any(r => r.Role == role));

        var total = await users.CountAsync(cancellationToken);
        var page = await users
            .OrderBy(u => u.DisplayName)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 100))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.IsEnabled,
                Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Roles = u.Roles.Select(r => r.Role).ToList(),
            })
            .ToListAsync(cancellationToken);
        return (page.Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.Organisation, u.IsEnabled,
            string.Join(", ", u.Roles.Order().Select(r => r.Describe())))).ToList(), total);
    }

    public async Task<UserDetail?> GetAsync(Guid id)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return u is null ? null : new UserDetail(u.Id, u.Version, u.DisplayName, u.Email, u.JobTitle, u.OrganisationId, u.IsEnabled,
            u.ExternalSubject is not null, u.Roles.Select(r => r.Role).Order().ToList(), u.Teams.Select(t => t.TeamId).ToList());
    }

    public async Task<(ServiceResult Result, Guid? Id)> CreateAsync(string displayName, string email, string? jobTitle, Guid organisationId, PortalRole role)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var organisation = await db.Organisations.FindAsync(organisationId);
        if (organisation is null)
            return (ServiceResult.Fail("Choose an organisation."), null);
        PortalUser? user = null;
        var result = await db.TrySaveAsync(() =>
        {
            user = new PortalUser(displayName, email, organisation, jobTitle);
            user.GrantRole(role);
            db.Users.Add(user);
        });
        if (!result.Succeeded && result.Error!.StartsWith("A record with that name", StringComparison.Ordinal))
            result = ServiceResult.Fail("A user with that email address already exists.");
        return (result, result.Succeeded ? user!.Id : null);
    }

    /// <summary>
    /// Saves the whole edit form in one go: details, organisation, teams, roles and enabled. The version
    /// check makes a second administrator's stale form fail instead of overwriting.
    /// </summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, int version, string displayName, string email, string? jobTitle,
        Guid organisationId, IReadOnlyCollection<Guid> teamIds, IReadOnlyCollection<PortalRole> roles, bool enabled)
    {
        var admin = await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
        if (user is null)
            return ServiceResult.Fail("That user no longer exists.");
        if (user.Id == admin.UserId && (!enabled || !roles.Contains(PortalRole.Administrator)))
            return ServiceResult.Fail("You cannot remove your own Administrator role or disable yourself; ask another administrator.");
        var organisation = await db.Organisations.FindAsync(organisationId);
        if (organisation is null)
            return ServiceResult.Fail("Choose an organisation.");
        var teams = await db.Teams.Where(t => teamIds.Contains(t.Id)).ToListAsync();
        db.ExpectVersion(user, version);

        return await db.TrySaveAsync(() =>
        {
            user.UpdateDetails(displayName, email, jobTitle);
            user.MoveToOrganisation(organisation);
            foreach (var membership in user.Teams.Where(m => !teamIds.Contains(m.TeamId)).ToList())
                user.LeaveTeam(membership.TeamId);
            foreach (var team in teams.Where(t => user.Teams.All(m => m.TeamId != t.Id)))
                user.JoinTeam(team);
            foreach (var role in user.Roles.Select(r => r.Role).Except(roles).ToList())
                user.RevokeRole(role);
            foreach (var role in roles.Except(user.Roles.Select(r => r.Role)).ToList())
                user.GrantRole(role);
            if (user.IsEnabled != enabled)
            {
                if (enabled) user.Enable();
                else user.Disable();
            }
        });
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> OrganisationOptionsAsync()
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> TeamOptionsAsync(Guid organisationId)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.Teams.AsNoTracking().Where(t => t.OrganisationId == organisationId && t.IsActive).OrderBy(t => t.Name)
                .Select(t => new { t.Id, t.Name }).ToListAsync())
            .Select(t => (t.Id, t.Name)).ToList();
    }
}
