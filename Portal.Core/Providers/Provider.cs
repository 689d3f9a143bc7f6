using System.Text.RegularExpressions;

namespace Portal.Core.Providers;

public enum ProviderKind
{
    CareHomeWithNursing,
    CareHomeWithoutNursing,
    HomeCareAgency,
    SupportedLiving,
    DayService,
    PersonalAssistants,
}

/// <summary>CQC's overall ratings. A provider CQC does not regulate (a day service, PAs) has no rating.</summary>
public enum CqcRating
{
    NotYetRated,
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

public static class ProviderText
{
    public static string Describe(this ProviderKind kind) => kind switch
    {
        ProviderKind.CareHomeWithNursing => "Care home with nursing",
        ProviderKind.CareHomeWithoutNursing => "Care home without nursing",
        ProviderKind.HomeCareAgency => "Home care agency",
        ProviderKind.SupportedLiving => "Supported living",
        ProviderKind.DayService => "Day service",
        ProviderKind.PersonalAssistants => "Personal assistant arrangements",
        _ => kind.ToString(),
    };

    public static string Describe(this CqcRating rating) => rating switch
    {
        CqcRating.NotYetRated => "Not yet rated",
        CqcRating.RequiresImprovement => "Requires improvement",
        _ => rating.ToString(),
    };

    public static string Describe(this CqcRating? rating) => rating?.Describe() ?? "Not regulated by CQC";

    /// <summary>Parses a kind or rating as people type it in a spreadsheet ("Care home with nursing", "requires improvement").</summary>
    public static bool TryParseKind(string? text, out ProviderKind kind) => TryParse(text, Enum.GetValues<ProviderKind>(), k => k.Describe(), out kind);

    public static bool TryParseRating(string? text, out CqcRating rating) => TryParse(text, Enum.GetValues<CqcRating>(), r => r.Describe(), out rating);

    private static bool TryParse<T>(string? text, IEnumerable<T> values, Func<T, string> describe, out T result) where T : struct, Enum
    {
        var wanted = Normalise(text);
        foreach (var value in values)
        {
            if (Normalise(describe(value)) == wanted || Normalise(value.ToString()) == wanted)
            {
                result = value;
                return true;
            }
        }
        result = default;
        return false;
    }

    private static string Normalise(string? text) => new((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>
/// A care provider in the register: a care home, home care agency, supported living or day service, or a
/// personal-assistant arrangement. The lead organisation is the council whose quality team monitors it.
/// </summary>
public sealed partial class Provider : Versioned
{
    public const int NameMaxLength = 200;
    public const int AddressLineMaxLength = 200;
    public const int TownMaxLength = 100;
    public const int PostcodeMaxLength = 10;
    public const int CqcLocationIdMaxLength = 20;
    public const int PersonNameMaxLength = 150;
    public const int OwnerMaxLength = 200;
    public const int CommissionersMaxLength = 300;
    public const int GpPracticeMaxLength = 200;

    private Provider()
    {
        Name = ""; AddressLine1 = ""; Town = ""; Postcode = ""; OwnerName = ""; Commissioners = "";
    }

    public Provider(Guid leadOrganisationId, string name, ProviderKind kind, string addressLine1, string? addressLine2, string town,
        string postcode, string ownerName, string commissioners)
    {
        Id = Guid.NewGuid();
        LeadOrganisationId = leadOrganisationId;
        IsActive = true;
        Name = ""; AddressLine1 = ""; Town = ""; Postcode = ""; OwnerName = ""; Commissioners = "";
        UpdateDetails(name, kind, addressLine1, addressLine2, town, postcode, ownerName, commissioners);
        CurrentCqcRating = kind is ProviderKind.DayService or ProviderKind.PersonalAssistants ? null : CqcRating.NotYetRated;
    }

    public Guid Id { get; private set; }
    public Guid LeadOrganisationId { get; private set; }
    public string Name { get; private set; }
    public ProviderKind Kind { get; private set; }
    public string AddressLine1 { get; private set; }
    public string? AddressLine2 { get; private set; }
    public string Town { get; private set; }
    public string Postcode { get; private set; }
    public string? CqcLocationId { get; private set; }
    public string? RegisteredManager { get; private set; }

    /// <summary>The registered business that owns the service (the "OWNER" of the Appendix Six letter).</summary>
    public string OwnerName { get; private set; }

    /// <summary>The owner's organisation in the portal, if its staff sign in; they see part-two minutes only.</summary>
    public Guid? OwnerOrganisationId { get; private set; }

    /// <summary>Who commissions the service, e.g. "Central Bedfordshire Council; BLMK ICB".</summary>
    public string Commissioners { get; private set; }

    /// <summary>Null when CQC does not regulate the service.</summary>
    public CqcRating? CurrentCqcRating { get; private set; }
    public DateOnly? CqcRatingDate { get; private set; }

    /// <summary>The GP practice(s) providing medical services to the home (Appendix Seven).</summary>
    public string? GpPractice { get; private set; }
    public bool IsActive { get; private set; }

    public string Address => string.Join(", ", new[] { AddressLine1, AddressLine2, Town, Postcode }.Where(s => !string.IsNullOrEmpty(s)));

    public void UpdateDetails(string name, ProviderKind kind, string addressLine1, string? addressLine2, string town, string postcode,
        string ownerName, string commissioners)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("Choose the type of service.");
        Name = Guard.RequiredText(name, "Provider name", NameMaxLength);
        Kind = kind;
        AddressLine1 = Guard.RequiredText(addressLine1, "Address", AddressLineMaxLength);
        AddressLine2 = Guard.OptionalText(addressLine2, "Address line 2", AddressLineMaxLength);
        Town = Guard.RequiredText(town, "Town", TownMaxLength);
        Postcode = NormalisePostcode(postcode);
        OwnerName = Guard.RequiredText(ownerName, "Owner", OwnerMaxLength);
        Commissioners = Guard.RequiredText(commissioners, "Commissioners", CommissionersMaxLength);
    }

    public void UpdateContacts(string? cqcLocationId, string? registeredManager, string? gpPractice, Guid? ownerOrganisationId)
    {
        var location = Guard.OptionalText(cqcLocationId, "CQC location ID", CqcLocationIdMaxLength);
        if (location is not null && !CqcLocationPattern().IsMatch(location))
            throw new DomainRuleException("A CQC location ID looks like 1-123456789 (\"1-\" then digits).");
        CqcLocationId = location;
        RegisteredManager = Guard.OptionalText(registeredManager, "Registered manager", PersonNameMaxLength);
        GpPractice = Guard.OptionalText(gpPractice, "GP practice", GpPracticeMaxLength);
        OwnerOrganisationId = ownerOrganisationId;
    }

    /// <summary>Records a published CQC rating; an older rating never replaces a newer one.</summary>
    public void RecordCqcRating(CqcRating rating, DateOnly publishedOn)
    {
        if (Kind is ProviderKind.DayService or ProviderKind.PersonalAssistants)
            throw new DomainRuleException($"{Kind.Describe()} services are not rated by CQC.");
        if (CqcRatingDate is { } current && publishedOn < current)
            throw new DomainRuleException($"{Name} already has a newer CQC rating (from {current:d MMMM yyyy}).");
        CurrentCqcRating = rating;
        CqcRatingDate = publishedOn;
    }

    public void Deactivate() => IsActive = IsActive ? false : throw new DomainRuleException($"{Name} is already inactive.");

    public void Reactivate() => IsActive = !IsActive ? true : throw new DomainRuleException($"{Name} is already active.");

    public static string NormalisePostcode(string? postcode)
    {
        var compact = new string((postcode ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (!PostcodePattern().IsMatch(compact))
            throw new DomainRuleException("Enter a UK postcode, like SG1 2FQ.");
        return $"{compact[..^3]} {compact[^3..]}";
    }

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^1-\d{6,12}$")]
    private static partial Regex CqcLocationPattern();
}
