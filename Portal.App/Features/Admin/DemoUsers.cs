using Microsoft.EntityFrameworkCore;
using Portal.App.Data;
using Portal.Core.Organisations;

namespace Portal.App.Features.Admin;

/// <summary>Lists the demo users for the Development sign-in page.</summary>
public sealed class DemoUsers(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record DemoUser(Guid Id, string DisplayName, string Role, string RoleDescription, string Organisation);

    public async Task<IReadOnlyList<DemoUser>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Email.EndsWith("@" + DemoData.EmailDomain) && u.IsEnabled)
            .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { User = u, Organisation = o.Name })
            .ToListAsync();
        return users
            .Select(x => (x.User, x.Organisation, Role: x.User.Roles.Select(r => (PortalRole?)r.Role).FirstOrDefault()))
            .OrderBy(x => x.Role)
            .Select(x => new DemoUser(x.User.Id, x.User.DisplayName, x.Role?.ToString() ?? "", x.Role?.Describe() ?? "No role", x.Organisation))
            .ToList();
    }
}
