namespace Portal.Core.Organisations;

public sealed class Team : Versioned
{
    public const int NameMaxLength = 150;
    public const int ServiceMaxLength = 100;

    private Team() { Name = ""; }

    public Team(Organisation organisation, string name, string? service = null)
    {
        if (!organisation.IsActive)
            throw new DomainRuleException($"Teams cannot be added to {organisation.Name} because it is inactive.");
        Id = Guid.NewGuid();
        OrganisationId = organisation.Id;
        Name = Guard.RequiredText(name, "Team name", NameMaxLength);
        Service = Guard.OptionalText(service, "Service", ServiceMaxLength);
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; }

    /// <summary>The service the team belongs to, e.g. "AMHP day service", "EDT", "Locality team".</summary>
    public string? Service { get; private set; }
    public bool IsActive { get; private set; }

    public void Rename(string name, string? service)
    {
        Name = Guard.RequiredText(name, "Team name", NameMaxLength);
        Service = Guard.OptionalText(service, "Service", ServiceMaxLength);
    }

    public void Deactivate() => IsActive = IsActive ? false : throw new DomainRuleException($"{Name} is already inactive.");

    public void Reactivate() => IsActive = !IsActive ? true : throw new DomainRuleException($"{Name} is already active.");
}
