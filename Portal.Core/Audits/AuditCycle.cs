namespace Portal.Core.Audits;

public enum AuditCycleKind
{
    /// <summary>Essex: a six-weekly practice audit cycle (8 a year, 120 audits each).</summary>
    PracticeAuditCycle,

    /// <summary>Bedfordshire §4.6.1: quarterly audit of 20 AMHP reports and cases, led by a rotating council.</summary>
    AmhpReportQuarterly,

    /// <summary>Bedfordshire §4.6.3: monthly referral audit of 4 randomly selected cases.</summary>
    AmhpReferralMonthly,

    /// <summary>Bedfordshire §4.8.3: monthly audit of all MHA assessment referrals that did not progress.</summary>
    NoMhaaMonthly,

    /// <summary>Bedfordshire §4.7.1: managers' audits, at least 2 per practitioner a year.</summary>
    ManagerAudits,

    /// <summary>Bedfordshire §4.8.2: joint case audits with partners, arranged as required.</summary>
    JointCaseAudit,

    Other,
}

public enum CycleStatus
{
    /// <summary>Set up; the case pool can be imported and the sample drawn.</summary>
    Planned,

    /// <summary>The sample has been drawn; cases can be added or replaced with a reason, then allocated.</summary>
    Sampled,

    /// <summary>Audits are with auditors.</summary>
    Allocated,

    Closed,
}

/// <summary>Professional level, for the rule that audits go to Senior Practitioner level and above.</summary>
public enum PracticeLevel
{
    Practitioner = 0,
    SeniorPractitioner = 1,
    PracticeLead = 2,
    TeamManager = 3,
    ServiceManager = 4,
    HeadOfService = 5,
}

public static class AuditCycleKinds
{
    public static string Describe(this AuditCycleKind kind) => kind switch
    {
        AuditCycleKind.PracticeAuditCycle => "Practice audit cycle",
        AuditCycleKind.AmhpReportQuarterly => "Quarterly AMHP report audit",
        AuditCycleKind.AmhpReferralMonthly => "Monthly AMHP referral audit",
        AuditCycleKind.NoMhaaMonthly => "Monthly no-MHAA referral audit",
        AuditCycleKind.ManagerAudits => "Manager audits",
        AuditCycleKind.JointCaseAudit => "Joint case audit",
        _ => "Other audit",
    };

    public static string Describe(this PracticeLevel level) => level switch
    {
        PracticeLevel.Practitioner => "Practitioner",
        PracticeLevel.SeniorPractitioner => "Senior Practitioner",
        PracticeLevel.PracticeLead => "Practice Lead",
        PracticeLevel.TeamManager => "Team Manager",
        PracticeLevel.ServiceManager => "Service Manager",
        PracticeLevel.HeadOfService => "Head of Service",
        _ => level.ToString(),
    };

    public static string Describe(this CycleStatus status) => status switch
    {
        CycleStatus.Planned => "Planned",
        CycleStatus.Sampled => "Sample drawn",
        CycleStatus.Allocated => "Audits allocated",
        CycleStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}

/// <summary>
/// The three councils take the quarterly AMHP audit in turn (seed 000 §4.6.1: "The Local Authorities will
/// rotate responsibility for the audits each quarter").
/// </summary>
public static class LeadCouncilRotation
{
    public static IReadOnlyList<string> Order { get; } = ["Central Bedfordshire Council", "Bedford Borough Council", "Luton Borough Council"];

    public static string Next(string current)
    {
        var index = IndexOf(current);
        return Order[(index + 1) % Order.Count];
    }

    public static int IndexOf(string council)
    {
        for (var i = 0; i < Order.Count; i++)
            if (string.Equals(Order[i], council?.Trim(), StringComparison.OrdinalIgnoreCase))
                return i;
        throw new DomainRuleException($"The lead council must be one of {string.Join(", ", Order)}.");
    }
}

/// <summary>
/// An audit cycle: a period, the tool(s) used, how many cases to sample and who audits them. Owns the
/// sampling rules and the stored random seed so anyone can re-derive and verify the selection.
/// </summary>
public sealed class AuditCycle : Versioned
{
    public const int NameMaxLength = 150;
    public const int LeadCouncilMaxLength = 100;
    public const int MaxSampleSize = 2000;
    public const int DefaultExclusionMonths = 12;
    public const int MaxExclusionMonths = 60;

    /// <summary>Seed 004: "Moderation of a sample of 20% of all case audits is completed each cycle".</summary>
    public const double ModerationFraction = 0.20;

    private readonly List<CycleTemplate> _templates = [];
    private readonly List<AuditorPoolMember> _auditors = [];

    private AuditCycle() { Name = ""; }

    public AuditCycle(Guid organisationId, string name, AuditCycleKind kind, DateOnly periodStart, DateOnly periodEnd, int? sampleSize, string? leadCouncil)
    {
        Id = Guid.NewGuid();
        Name = "";
        OrganisationId = organisationId;
        Status = CycleStatus.Planned;
        ExclusionMonths = DefaultExclusionMonths;
        AvoidSameWorker = true;
        UpdateDetails(name, kind, periodStart, periodEnd, sampleSize, leadCouncil);
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; }
    public AuditCycleKind Kind { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }

    /// <summary>How many cases to audit; null means every case in the pool (the no-MHAA audit).</summary>
    public int? SampleSize { get; private set; }
    public string? LeadCouncil { get; private set; }
    public CycleStatus Status { get; private set; }

    /// <summary>Records audited within this many months before the period starts are not drawn again.</summary>
    public int ExclusionMonths { get; private set; }

    /// <summary>Prefer workers who were not audited in the previous cycle of the same kind.</summary>
    public bool AvoidSameWorker { get; private set; }

    /// <summary>Never allocate an audit to an auditor in the practitioner's own team.</summary>
    public bool ExcludeAuditorsOwnTeam { get; private set; }

    public long? SampleSeed { get; private set; }
    public DateTimeOffset? SampleDrawnAt { get; private set; }
    public Guid? SampleDrawnById { get; private set; }
    public DateTimeOffset? AllocatedAt { get; private set; }
    public long? ModerationSeed { get; private set; }
    public DateTimeOffset? ModerationSelectedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyCollection<CycleTemplate> Templates => _templates;
    public IReadOnlyCollection<AuditorPoolMember> Auditors => _auditors;

    public bool SamplesEveryCase => SampleSize is null;

    public void UpdateDetails(string name, AuditCycleKind kind, DateOnly periodStart, DateOnly periodEnd, int? sampleSize, string? leadCouncil)
    {
        EnsureStatus(CycleStatus.Planned, "change the cycle's details");
        Name = Guard.RequiredText(name, "Cycle name", NameMaxLength);
        if (periodEnd < periodStart)
            throw new DomainRuleException("The period must end on or after the day it starts.");
        if (sampleSize is { } size && (size < 1 || size > MaxSampleSize))
            throw new DomainRuleException($"The sample size must be between 1 and {MaxSampleSize}, or left empty to audit every case in the pool.");
        var council = Guard.OptionalText(leadCouncil, "Lead council", LeadCouncilMaxLength);
        if (kind == AuditCycleKind.AmhpReportQuarterly)
        {
            if (council is null)
                throw new DomainRuleException("The quarterly AMHP audit needs a lead council.");
            council = LeadCouncilRotation.Order[LeadCouncilRotation.IndexOf(council)];
        }
        Kind = kind;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        SampleSize = sampleSize;
        LeadCouncil = council;
    }

    public void SetSamplingRules(int exclusionMonths, bool avoidSameWorker, bool excludeAuditorsOwnTeam)
    {
        EnsureStatus(CycleStatus.Planned, "change the sampling rules");
        if (exclusionMonths < 0 || exclusionMonths > MaxExclusionMonths)
            throw new DomainRuleException($"The look-back period must be between 0 and {MaxExclusionMonths} months.");
        ExclusionMonths = exclusionMonths;
        AvoidSameWorker = avoidSameWorker;
        ExcludeAuditorsOwnTeam = excludeAuditorsOwnTeam;
    }

    public void AddTemplate(AuditTemplate template)
    {
        if (Status is CycleStatus.Allocated or CycleStatus.Closed)
            throw new DomainRuleException("Audit tools cannot be changed once audits are allocated.");
        if (template.OrganisationId != OrganisationId)
            throw new DomainRuleException("That audit tool belongs to another organisation.");
        if (template.Status != TemplateStatus.Published)
            throw new DomainRuleException($"{template.DisplayName} is not published. Publish it before using it in a cycle.");
        if (_templates.Any(t => t.TemplateId == template.Id))
            throw new DomainRuleException($"{template.DisplayName} is already used in this cycle.");
        _templates.Add(new CycleTemplate(template.Id));
    }

    public void RemoveTemplate(Guid templateId)
    {
        if (Status is CycleStatus.Allocated or CycleStatus.Closed)
            throw new DomainRuleException("Audit tools cannot be changed once audits are allocated.");
        var existing = _templates.FirstOrDefault(t => t.TemplateId == templateId)
            ?? throw new DomainRuleException("That audit tool is not used in this cycle.");
        _templates.Remove(existing);
    }

    /// <summary>Seed 004: allocations go "to registered professionals at the level of Senior Practitioner and above".</summary>
    public void AddAuditor(Guid userId, string name, PracticeLevel level)
    {
        if (Status == CycleStatus.Closed)
            throw new DomainRuleException("This cycle is closed.");
        if (level < PracticeLevel.SeniorPractitioner)
            throw new DomainRuleException($"{name} cannot audit: audits are allocated to registered professionals at the level of Senior Practitioner and above.");
        if (_auditors.Any(a => a.UserId == userId))
            throw new DomainRuleException($"{name} is already in the auditor pool.");
        _auditors.Add(new AuditorPoolMember(userId, level));
    }

    public void RemoveAuditor(Guid userId)
    {
        var existing = _auditors.FirstOrDefault(a => a.UserId == userId)
            ?? throw new DomainRuleException("That person is not in the auditor pool.");
        _auditors.Remove(existing);
    }

    public void RecordSampleDrawn(long seed, Guid byUserId, DateTimeOffset at)
    {
        if (Status != CycleStatus.Planned)
            throw new DomainRuleException("The sample for this cycle has already been drawn. Add or replace cases with a reason instead.");
        if (_templates.Count == 0)
            throw new DomainRuleException("Choose at least one audit tool before drawing the sample.");
        SampleSeed = seed;
        SampleDrawnAt = at;
        SampleDrawnById = byUserId;
        Status = CycleStatus.Sampled;
    }

    public void RecordAllocated(DateTimeOffset at)
    {
        if (Status is not (CycleStatus.Sampled or CycleStatus.Allocated))
            throw new DomainRuleException("Draw the sample before allocating audits.");
        AllocatedAt ??= at;
        Status = CycleStatus.Allocated;
    }

    public void RecordModerationSelected(long seed, DateTimeOffset at)
    {
        EnsureStatus(CycleStatus.Allocated, "choose audits for moderation");
        if (ModerationSelectedAt is not null)
            throw new DomainRuleException("Audits for moderation have already been chosen for this cycle.");
        ModerationSeed = seed;
        ModerationSelectedAt = at;
    }

    public void Close(DateTimeOffset at)
    {
        EnsureStatus(CycleStatus.Allocated, "close the cycle");
        Status = CycleStatus.Closed;
        ClosedAt = at;
    }

    private void EnsureStatus(CycleStatus required, string action)
    {
        if (Status != required)
            throw new DomainRuleException($"You cannot {action} now: the cycle is at \"{Status.Describe()}\".");
    }
}

public sealed class CycleTemplate
{
    private CycleTemplate() { }

    internal CycleTemplate(Guid templateId) => TemplateId = templateId;

    public Guid TemplateId { get; private set; }
}

public sealed class AuditorPoolMember
{
    private AuditorPoolMember() { }

    internal AuditorPoolMember(Guid userId, PracticeLevel level)
    {
        UserId = userId;
        Level = level;
    }

    public Guid UserId { get; private set; }
    public PracticeLevel Level { get; private set; }
}
