namespace Portal.Core.Providers;

public enum IntelligenceKind
{
    SafeguardingConcern,
    SafeguardingEnquiry,
    Complaint,
    Whistleblowing,
    CqcInspection,
    PammsAssessment,
    MonitoringVisit,
}

/// <summary>The five key domains of the PAMMS tool (§3 v).</summary>
public enum PammsDomain
{
    InvolvementAndInformation,
    PersonalisedCareAndSupport,
    SafeguardingAndSafety,
    SuitabilityOfStaffing,
    QualityOfManagement,
}

public enum PammsRating
{
    Excellent,
    Good,
    RequiresImprovement,
    Poor,
}

public static class IntelligenceText
{
    public static string Describe(this IntelligenceKind kind) => kind switch
    {
        IntelligenceKind.SafeguardingConcern => "Safeguarding concern",
        IntelligenceKind.SafeguardingEnquiry => "Safeguarding enquiry",
        IntelligenceKind.Complaint => "Complaint",
        IntelligenceKind.Whistleblowing => "Whistleblowing",
        IntelligenceKind.CqcInspection => "CQC inspection",
        IntelligenceKind.PammsAssessment => "PAMMS assessment",
        IntelligenceKind.MonitoringVisit => "Monitoring visit",
        _ => kind.ToString(),
    };

    public static string Describe(this PammsDomain domain) => domain switch
    {
        PammsDomain.InvolvementAndInformation => "Involvement and Information",
        PammsDomain.PersonalisedCareAndSupport => "Personalised Care and Support",
        PammsDomain.SafeguardingAndSafety => "Safeguarding and Safety",
        PammsDomain.SuitabilityOfStaffing => "Suitability of Staffing",
        PammsDomain.QualityOfManagement => "Quality of Management",
        _ => domain.ToString(),
    };

    public static string Describe(this PammsRating rating) => rating switch
    {
        PammsRating.RequiresImprovement => "Requires Improvement",
        _ => rating.ToString(),
    };
}

public sealed class PammsDomainRating
{
    private PammsDomainRating() { }

    internal PammsDomainRating(PammsDomain domain, PammsRating rating)
    {
        Domain = domain;
        Rating = rating;
    }

    public PammsDomain Domain { get; private set; }
    public PammsRating Rating { get; private set; }
}

/// <summary>
/// One piece of provider intelligence: a safeguarding concern or enquiry (summary and outcome), a complaint,
/// whistleblowing, a CQC inspection with its rating, a PAMMS assessment rated in all five domains, or a
/// monitoring visit. Observation sheets are kept as sheets and join these on the provider's timeline.
/// </summary>
public sealed class IntelligenceEntry : Versioned
{
    public const int SummaryMaxLength = 4000;
    public const int OutcomeMaxLength = 2000;
    public const int SourceMaxLength = 200;

    private readonly List<PammsDomainRating> _pammsRatings = [];

    private IntelligenceEntry() { Summary = ""; RecordedByName = ""; }

    public IntelligenceEntry(Provider provider, IntelligenceKind kind, DateOnly occurredOn, string summary, string? outcome, string? source,
        CqcRating? cqcRating, IReadOnlyDictionary<PammsDomain, PammsRating>? pammsRatings, Guid recordedByUserId, string recordedByName,
        DateTimeOffset recordedAt)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("Choose what kind of intelligence this is.");
        if (occurredOn > DateOnly.FromDateTime(recordedAt.UtcDateTime).AddDays(1))
            throw new DomainRuleException("The date cannot be in the future.");
        Id = Guid.NewGuid();
        ProviderId = provider.Id;
        Kind = kind;
        OccurredOn = occurredOn;
        Summary = Guard.RequiredText(summary, "Summary", SummaryMaxLength);
        Outcome = Guard.OptionalText(outcome, "Outcome", OutcomeMaxLength);
        Source = Guard.OptionalText(source, "Source", SourceMaxLength);
        RecordedByUserId = recordedByUserId;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;

        if (kind == IntelligenceKind.CqcInspection)
        {
            CqcRating = cqcRating ?? throw new DomainRuleException("Give the rating CQC published after the inspection.");
            provider.RecordCqcRating(cqcRating.Value, occurredOn);
        }
        else if (cqcRating is not null)
        {
            throw new DomainRuleException("Only a CQC inspection has a CQC rating.");
        }

        if (kind == IntelligenceKind.PammsAssessment)
        {
            var missing = Enum.GetValues<PammsDomain>().Where(d => pammsRatings is null || !pammsRatings.ContainsKey(d)).ToList();
            if (missing.Count > 0)
                throw new DomainRuleException("A PAMMS assessment rates all five domains. Missing: " + string.Join(", ", missing.Select(d => d.Describe())) + ".");
            foreach (var (domain, rating) in pammsRatings!.OrderBy(p => p.Key))
                _pammsRatings.Add(new PammsDomainRating(domain, rating));
        }
        else if (pammsRatings is { Count: > 0 })
        {
            throw new DomainRuleException("Only a PAMMS assessment has domain ratings.");
        }
    }

    public Guid Id { get; private set; }
    public Guid ProviderId { get; private set; }
    public IntelligenceKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public string Summary { get; private set; }
    public string? Outcome { get; private set; }

    /// <summary>Who it came from, e.g. "HCC operational safeguarding team", "CQC".</summary>
    public string? Source { get; private set; }
    public CqcRating? CqcRating { get; private set; }
    public IReadOnlyCollection<PammsDomainRating> PammsRatings => _pammsRatings;
    public Guid RecordedByUserId { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>A safeguarding enquiry's or complaint's outcome often arrives later.</summary>
    public void RecordOutcome(string outcome) => Outcome = Guard.RequiredText(outcome, "Outcome", OutcomeMaxLength);
}
