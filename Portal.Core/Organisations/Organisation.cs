namespace Portal.Core.Organisations;

public enum OrganisationKind
{
    LocalAuthority,
    NhsTrust,
    Police,
    IntegratedCareBoard,
    CareProvider,
    Other,
}

public sealed class Organisation : Versioned
{
    public const int NameMaxLength = 200;

    private Organisation() { Name = ""; }

    public Organisation(string name, OrganisationKind kind)
    {
        Id = Guid.NewGuid();
        Name = Guard.RequiredText(name, "Organisation name", NameMaxLength);
        Kind = kind;
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public OrganisationKind Kind { get; private set; }
    public bool IsActive { get; private set; }

    public void Rename(string name) => Name = Guard.RequiredText(name, "Organisation name", NameMaxLength);

    public void ChangeKind(OrganisationKind kind) => Kind = kind;

    public void Deactivate()
    {
        if (!IsActive)
            throw new DomainRuleException($"{Name} is already inactive.");
        IsActive = false;
    }

    public void Reactivate()
    {
        if (IsActive)
            throw new DomainRuleException($"{Name} is already active.");
        IsActive = true;
    }
}
