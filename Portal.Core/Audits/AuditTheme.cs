namespace Portal.Core.Audits;

/// <summary>
/// A theme learning points are tagged with ("The person's voice", "Recording"…): a managed list per
/// organisation, so the cycle report can count themes without guessing from free text.
/// </summary>
public sealed class AuditTheme : Versioned
{
    public const int NameMaxLength = 100;

    private AuditTheme() { Name = ""; }

    public AuditTheme(Guid organisationId, string name)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Name = Guard.RequiredText(name, "Theme", NameMaxLength);
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; }
    public bool IsActive { get; private set; }

    public void Rename(string name) => Name = Guard.RequiredText(name, "Theme", NameMaxLength);

    /// <summary>Hides the theme from new learning points; audits already tagged keep it.</summary>
    public void Retire() => IsActive = IsActive ? false : throw new DomainRuleException($"\"{Name}\" is already retired.");

    public void Restore() => IsActive = !IsActive ? true : throw new DomainRuleException($"\"{Name}\" is already in use.");

    /// <summary>Starting themes: the four quality aspects of seed 004 and the AMHP concerns of seed 000.</summary>
    public static IReadOnlyList<string> Defaults { get; } =
    [
        "The person's participation and voice",
        "Quality of the practice",
        "The impact of practice",
        "Quality of the recording",
        "Legal framework and statutory duties",
        "Least restrictive option",
        "Risk assessment and management",
        "Mental capacity",
        "Carers and family involvement",
        "Multi-agency working",
    ];
}
