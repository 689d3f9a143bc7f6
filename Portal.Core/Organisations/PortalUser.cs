namespace Portal.Core.Organisations;

/// <summary>
/// A member of staff or a partner who signs in. Belongs to one organisation and any number of its teams.
/// <see cref="SecurityStamp"/> changes whenever access changes (roles, teams, organisation, enabled), so
/// sessions built on an older stamp are refreshed or ended within minutes.
/// </summary>
public sealed class PortalUser : Versioned
{
    public const int DisplayNameMaxLength = 150;
    public const int EmailMaxLength = 254;
    public const int JobTitleMaxLength = 150;
    public const int ExternalSubjectMaxLength = 200;

    private readonly List<UserRoleAssignment> _roles = [];
    private readonly List<TeamMembership> _teams = [];

    private PortalUser() { DisplayName = ""; Email = ""; SecurityStamp = ""; }

    public PortalUser(string displayName, string email, Organisation? organisation, string? jobTitle = null)
    {
        Id = Guid.NewGuid();
        DisplayName = Guard.RequiredText(displayName, "Name", DisplayNameMaxLength);
        Email = NormaliseEmail(email);
        JobTitle = Guard.OptionalText(jobTitle, "Job title", JobTitleMaxLength);
        OrganisationId = organisation?.Id;
        IsEnabled = true;
        SecurityStamp = NewStamp();
    }

    public Guid Id { get; private set; }
    public string DisplayName { get; private set; }
    public string Email { get; private set; }
    public string? JobTitle { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public bool IsEnabled { get; private set; }

    /// <summary>The identity provider's stable id for the person (Entra "oid", else "sub").</summary>
    public string? ExternalSubject { get; private set; }
    public string SecurityStamp { get; private set; }

    public IReadOnlyCollection<UserRoleAssignment> Roles => _roles;
    public IReadOnlyCollection<TeamMembership> Teams => _teams;

    public bool HasRole(PortalRole role) => _roles.Any(r => r.Role == role);

    /// <summary>Whether the person can use the portal at all: enabled, in an organisation, with a role.</summary>
    public bool HasAccess => IsEnabled && OrganisationId is not null && _roles.Count > 0;

    public void UpdateDetails(string displayName, string email, string? jobTitle)
    {
        DisplayName = Guard.RequiredText(displayName, "Name", DisplayNameMaxLength);
        Email = NormaliseEmail(email);
        JobTitle = Guard.OptionalText(jobTitle, "Job title", JobTitleMaxLength);
    }

    public void GrantRole(PortalRole role)
    {
        if (HasRole(role))
            throw new DomainRuleException($"{DisplayName} already has the {role.Describe()} role.");
        _roles.Add(new UserRoleAssignment(role));
        Touch();
    }

    public void RevokeRole(PortalRole role)
    {
        var existing = _roles.FirstOrDefault(r => r.Role == role)
            ?? throw new DomainRuleException($"{DisplayName} does not have the {role.Describe()} role.");
        _roles.Remove(existing);
        Touch();
    }

    /// <summary>
    /// Replaces the roles with those the identity provider asserted at sign-in (Entra app roles are
    /// assigned in the tenant). Returns whether anything changed.
    /// </summary>
    public bool SyncRolesFromIdentityProvider(IEnumerable<PortalRole> asserted)
    {
        var wanted = asserted.Distinct().ToHashSet();
        var current = _roles.Select(r => r.Role).ToHashSet();
        if (wanted.SetEquals(current))
            return false;
        _roles.RemoveAll(r => !wanted.Contains(r.Role));
        foreach (var role in wanted.Where(r => !current.Contains(r)))
            _roles.Add(new UserRoleAssignment(role));
        Touch();
        return true;
    }

    public void MoveToOrganisation(Organisation organisation)
    {
        if (!organisation.IsActive)
            throw new DomainRuleException($"{DisplayName} cannot join {organisation.Name} because it is inactive.");
        if (OrganisationId == organisation.Id)
            return;
        OrganisationId = organisation.Id;
        // Teams belong to one organisation; keeping the old ones would leak the old organisation's data.
        _teams.Clear();
        Touch();
    }

    public void JoinTeam(Team team)
    {
        if (team.OrganisationId != OrganisationId)
            throw new DomainRuleException($"{DisplayName} can only join teams in their own organisation.");
        if (!team.IsActive)
            throw new DomainRuleException($"{team.Name} is inactive.");
        if (_teams.Any(t => t.TeamId == team.Id))
            throw new DomainRuleException($"{DisplayName} is already in {team.Name}.");
        _teams.Add(new TeamMembership(team.Id));
        Touch();
    }

    public void LeaveTeam(Guid teamId)
    {
        var membership = _teams.FirstOrDefault(t => t.TeamId == teamId)
            ?? throw new DomainRuleException($"{DisplayName} is not in that team.");
        _teams.Remove(membership);
        Touch();
    }

    public void Disable()
    {
        if (!IsEnabled)
            throw new DomainRuleException($"{DisplayName} is already disabled.");
        IsEnabled = false;
        Touch();
    }

    public void Enable()
    {
        if (IsEnabled)
            throw new DomainRuleException($"{DisplayName} is already enabled.");
        IsEnabled = true;
        Touch();
    }

    public void LinkExternalIdentity(string subject)
    {
        var value = Guard.RequiredText(subject, "External identity", ExternalSubjectMaxLength);
        if (ExternalSubject is not null && ExternalSubject != value)
            throw new DomainRuleException($"{DisplayName} is already linked to a different sign-in account.");
        ExternalSubject = value;
    }

    private void Touch() => SecurityStamp = NewStamp();

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static string NormaliseEmail(string? email)
    {
        var value = Guard.RequiredText(email, "Email", EmailMaxLength).ToLowerInvariant();
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Contains(' '))
            throw new DomainRuleException("Email must be a valid email address, like name@example.org.");
        return value;
    }
}

public sealed class UserRoleAssignment
{
    private UserRoleAssignment() { }

    internal UserRoleAssignment(PortalRole role) => Role = role;

    public PortalRole Role { get; private set; }
}

public sealed class TeamMembership
{
    private TeamMembership() { }

    internal TeamMembership(Guid teamId) => TeamId = teamId;

    public Guid TeamId { get; private set; }
}
