using Microsoft.EntityFrameworkCore;
using Portal.Core.Notifications;
using Portal.Core.Organisations;

namespace Portal.App.Data;

/// <summary>
/// Demo organisations, teams and one user per role, for Development only (Program.cs never calls it
/// elsewhere). Idempotent: each record is looked up by its natural key before it is added.
/// </summary>
public sealed class DemoData(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string EmailDomain = "demo.portal.local";

    private static readonly (string Name, OrganisationKind Kind)[] Organisations =
    [
        ("Central Bedfordshire Council", OrganisationKind.LocalAuthority),
        ("Bedford Borough Council", OrganisationKind.LocalAuthority),
        ("Luton Borough Council", OrganisationKind.LocalAuthority),
        ("East London NHS Foundation Trust", OrganisationKind.NhsTrust),
        ("Bedfordshire Police", OrganisationKind.Police),
        ("Bedfordshire, Luton and Milton Keynes ICB", OrganisationKind.IntegratedCareBoard),
        ("Meadow View Care Home Ltd", OrganisationKind.CareProvider),
    ];

    private static readonly (string Organisation, string Team, string Service)[] Teams =
    [
        ("Central Bedfordshire Council", "AMHP Service (day)", "AMHP day service"),
        ("Central Bedfordshire Council", "Emergency Duty Team", "EDT"),
        ("Central Bedfordshire Council", "Dunstable Locality Team", "Locality team"),
        ("Central Bedfordshire Council", "Practice Quality Team", "Quality assurance"),
        ("Bedford Borough Council", "Bedford AMHP Team", "AMHP day service"),
        ("Bedford Borough Council", "Bedford Adult Social Care Locality", "Locality team"),
        ("Luton Borough Council", "Luton AMHP Team", "AMHP day service"),
        ("Luton Borough Council", "Luton Locality Team", "Locality team"),
        ("East London NHS Foundation Trust", "Bedford Community Mental Health Team", "Community mental health"),
    ];

    /// <summary>One demo user per role; the Practitioner and Auditor share a team with the Team Manager.</summary>
    public static readonly (PortalRole Role, string Name, string JobTitle, string Organisation, string? Team)[] Users =
    [
        (PortalRole.Practitioner, "Priya Patel", "Approved Mental Health Professional", "Central Bedfordshire Council", "AMHP Service (day)"),
        (PortalRole.Auditor, "Alex Morgan", "Senior Practitioner", "Central Bedfordshire Council", "AMHP Service (day)"),
        (PortalRole.TeamManager, "Tom Evans", "AMHP Team Manager", "Central Bedfordshire Council", "AMHP Service (day)"),
        (PortalRole.QualityLead, "Grace Okafor", "Practice Quality Lead", "Central Bedfordshire Council", "Practice Quality Team"),
        (PortalRole.ServiceManager, "Sam Hughes", "Head of Service, Mental Health", "Central Bedfordshire Council", null),
        (PortalRole.BusinessSupport, "Beth Clarke", "Business Support Officer", "Central Bedfordshire Council", "Practice Quality Team"),
        (PortalRole.Administrator, "Adam Price", "Portal Administrator", "Central Bedfordshire Council", null),
        (PortalRole.VisitingProfessional, "Vic Shaw", "Police Community Support Officer", "Bedfordshire Police", null),
        (PortalRole.AmhpLead, "Nadia Osei", "EDT and Mental Health Service Manager", "Central Bedfordshire Council", "Emergency Duty Team"),
    ];

    public static string EmailFor(PortalRole role) => $"{role.ToString().ToLowerInvariant()}@{EmailDomain}";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, cancellationToken);
        foreach (var (name, kind) in Organisations.Where(o => !organisations.ContainsKey(o.Name)))
            db.Organisations.Add(organisations[name] = new Organisation(name, kind));

        var teams = await db.Teams.ToListAsync(cancellationToken);
        foreach (var (orgName, teamName, service) in Teams)
        {
            var org = organisations[orgName];
            if (!teams.Any(t => t.OrganisationId == org.Id && t.Name == teamName))
                teams.Add(db.Teams.Add(new Team(org, teamName, service)).Entity);
        }

        var emails = await db.Users.Select(u => u.Email).ToListAsync(cancellationToken);
        foreach (var (role, name, jobTitle, orgName, teamName) in Users.Where(u => !emails.Contains(EmailFor(u.Role))))
        {
            var org = organisations[orgName];
            var user = new PortalUser(name, EmailFor(role), org, jobTitle);
            user.GrantRole(role);
            if (teamName is not null)
                user.JoinTeam(teams.Single(t => t.OrganisationId == org.Id && t.Name == teamName));
            db.Users.Add(user);
            db.Notifications.Add(new Notification(user.Id, $"Welcome to Portal, {name.Split(' ')[0]}. This is demo data.", "/", requiresAcknowledgement: role == PortalRole.TeamManager, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken);
        await new Demo.ActionPlanDemo(dbFactory, clock).SeedAsync(cancellationToken);
        await new Demo.ProviderDemo(dbFactory, clock).SeedAsync(cancellationToken);
        await new Demo.AuditDemo(dbFactory, clock).SeedAsync(cancellationToken);
    }
}
