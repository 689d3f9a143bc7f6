using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Organisations;

namespace Portal.App.Features.Admin;

/// <summary>Organisations and their teams, for Administrators (system-wide: see docs/decisions/0003).</summary>
public sealed class OrganisationAdmin(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, bool IsActive, int Version, int TeamCount, int UserCount);

    public sealed record TeamRow(Guid Id, Guid OrganisationId, string Name, string? Service, bool IsActive, int Version, int MemberCount);

    public async Task<IReadOnlyList<OrganisationRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Counts come from correlated subqueries in one SQL statement, not one query per row.
        return await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.IsActive, o.Version,
                db.Teams.Count(t => t.OrganisationId == o.Id),
                db.Users.Count(u => u.OrganisationId == o.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TeamRow>> TeamsAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking()
            .Where(t => t.OrganisationId == organisationId)
            .OrderBy(t => t.Name)
            .Select(t => new TeamRow(t.Id, t.OrganisationId, t.Name, t.Service, t.IsActive, t.Version,
                db.Users.Count(u => u.Teams.Any(m => m.TeamId == t.Id))))
            .ToListAsync(cancellationToken);
    }

    public async Task<ServiceResult> CreateAsync(string name, OrganisationKind kind)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.TrySaveAsync(() => db.Organisations.Add(new Organisation(name, kind)));
    }

    public async Task<ServiceResult> UpdateAsync(Guid id, int version, string name, OrganisationKind kind)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var organisation = await db.Organisations.FindAsync(id);
        if (organisation is null)
            return ServiceResult.Fail("That organisation no longer exists.");
        db.ExpectVersion(organisation, version);
        return await db.TrySaveAsync(() =>
        {
            organisation.Rename(name);
            organisation.ChangeKind(kind);
        });
    }

    public async Task<ServiceResult> SetActiveAsync(Guid id, int version, bool active)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var organisation = await db.Organisations.FindAsync(id);
        if (organisation is null)
            return ServiceResult.Fail("That organisation no longer exists.");
        db.ExpectVersion(organisation, version);
        return await db.TrySaveAsync(active ? organisation.Reactivate : organisation.Deactivate);
    }

    public async Task<ServiceResult> AddTeamAsync(Guid organisationId, string name, string? service)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var organisation = await db.Organisations.FindAsync(organisationId);
        if (organisation is null)
            return ServiceResult.Fail("That organisation no longer exists.");
        return await db.TrySaveAsync(() => db.Teams.Add(new Team(organisation, name, service)));
    }

    public async Task<ServiceResult> UpdateTeamAsync(Guid id, int version, string name, string? service)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var team = await db.Teams.FindAsync(id);
        if (team is null)
            return ServiceResult.Fail("That team no longer exists.");
        db.ExpectVersion(team, version);
        return await db.TrySaveAsync(() => team.Rename(name, service));
    }

    public async Task<ServiceResult> SetTeamActiveAsync(Guid id, int version, bool active)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var team = await db.Teams.FindAsync(id);
        if (team is null)
            return ServiceResult.Fail("That team no longer exists.");
        db.ExpectVersion(team, version);
        return await db.TrySaveAsync(active ? team.Reactivate : team.Deactivate);
    }
}
