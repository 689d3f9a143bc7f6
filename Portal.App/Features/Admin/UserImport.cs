using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core;
using Portal.Core.Import;
using Portal.Core.Organisations;

namespace Portal.App.Features.Admin;

/// <summary>
/// Adds many users at once from a spreadsheet (a starter list from HR or an old access register), through the
/// shared upload → preview → confirm flow. Every row is checked against the portal before anything is saved.
/// </summary>
public sealed class UserImport(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record Line(int RowNumber, string Name, string Email, string? JobTitle, string Organisation, PortalRole Role, IReadOnlyList<string> Teams);

    private static readonly Dictionary<string, PortalRole> RoleWords = PortalRoles.All
        .SelectMany(r => new[] { (Word: r.Describe(), Role: r), (Word: r.ToString(), Role: r) })
        .DistinctBy(x => x.Word, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(x => x.Word, x => x.Role, StringComparer.OrdinalIgnoreCase);

    public async Task<ImportSchema> SchemaAsync()
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsActive).Select(o => o.Name).ToListAsync();
        return new ImportSchema()
            .Text("Name", required: true, maxLength: PortalUser.DisplayNameMaxLength)
            .Text("Email", required: true, maxLength: PortalUser.EmailMaxLength)
            .Text("Job title", maxLength: PortalUser.JobTitleMaxLength)
            .Choice("Organisation", organisations, required: true)
            .Choice("Role", RoleWords.Keys, required: true)
            .Text("Teams", maxLength: 1000);
    }

    public static Line? Map(ImportedRow row)
    {
        var email = row.Text("Email")!.Trim().ToLowerInvariant();
        try
        {
            // The Core rules decide what a valid name and email are; the preview shows their words.
            _ = new PortalUser(row.Text("Name")!, email, organisation: null);
        }
        catch (DomainRuleException ex)
        {
            row.AddError(ex.Message);
            return null;
        }
        var teams = (row.Text("Teams") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Line(row.RowNumber, row.Text("Name")!, email, row.Text("Job title"), row.Choice("Organisation")!, RoleWords[row.Choice("Role")!], teams);
    }

    /// <summary>Adds errors for emails already in the portal and team names the organisation does not have.</summary>
    public async Task CheckAsync(ImportPreview<Line> preview)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        preview.FlagDuplicates(l => l.Email, "Email");
        var lines = preview.Rows.Where(r => r.Item is not null).ToList();
        var emails = lines.Select(r => r.Item!.Email).ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        var existing = (await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email)).Select(u => u.Email).ToListAsync()).ToHashSet();
        var teams = await TeamsByOrganisationAsync(db);
        foreach (var row in lines)
        {
            var line = row.Item!;
            if (existing.Contains(line.Email))
                row.Source.AddError($"{line.Email} already has a portal account. Edit it on the Users page instead.");
            foreach (var team in line.Teams.Where(t => !teams.Contains((line.Organisation.ToLowerInvariant(), t.ToLowerInvariant()))))
                row.Source.AddError($"{line.Organisation} has no active team called '{team}'.");
        }
    }

    public async Task<ServiceResult> SaveAsync(IReadOnlyList<Line> lines)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var organisations = await db.Organisations.Where(o => o.IsActive).ToDictionaryAsync(o => o.Name.ToLower());
        var teams = await db.Teams.Where(t => t.IsActive).ToListAsync();
        // One SaveChanges: all rows are added, or none are.
        return await db.TrySaveAsync(() =>
        {
            foreach (var line in lines)
            {
                if (!organisations.TryGetValue(line.Organisation.ToLowerInvariant(), out var organisation))
                    throw new DomainRuleException($"Row {line.RowNumber}: {line.Organisation} is no longer active.");
                var user = new PortalUser(line.Name, line.Email, organisation, line.JobTitle);
                user.GrantRole(line.Role);
                foreach (var name in line.Teams)
                    user.JoinTeam(teams.FirstOrDefault(t => t.OrganisationId == organisation.Id && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                        ?? throw new DomainRuleException($"Row {line.RowNumber}: {line.Organisation} has no active team called '{name}'."));
                db.Users.Add(user);
            }
        });
    }

    private static async Task<HashSet<(string Organisation, string Team)>> TeamsByOrganisationAsync(PortalDbContext db) =>
        (await db.Teams.AsNoTracking().Where(t => t.IsActive)
            .Join(db.Organisations, t => t.OrganisationId, o => o.Id, (t, o) => new { Organisation = o.Name, Team = t.Name })
            .ToListAsync())
        .Select(x => (x.Organisation.ToLowerInvariant(), x.Team.ToLowerInvariant()))
        .ToHashSet();
}
