namespace Portal.Core.ActionPlans;

/// <summary>
/// A plan such as the Crisis Care Concordat action plan (seed 002) or the action plan for a serious-incident
/// review's recommendations (seed 003): a title, the organisations that own it, numbered sections, and the
/// actions (each its own <see cref="PlanAction"/> aggregate, so two leads can update different actions at once).
/// </summary>
public sealed class ActionPlan : Versioned
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 2000;
    public const int MaxOwners = 20;
    public const int MinUpdateFrequencyMonths = 1;
    public const int MaxUpdateFrequencyMonths = 12;
    public const int DefaultUpdateFrequencyMonths = 1;

    private readonly List<PlanOwner> _owners = [];
    private readonly List<PlanSection> _sections = [];

    private ActionPlan() { Title = ""; }

    public ActionPlan(string title, ActionPlanType type, IEnumerable<Guid> owningOrganisationIds, DateTimeOffset createdAt,
        string? description = null, int updateFrequencyMonths = DefaultUpdateFrequencyMonths)
    {
        Id = Guid.NewGuid();
        Title = "";
        Type = type;
        Status = ActionPlanStatus.Active;
        CreatedAt = createdAt;
        UpdateDetails(title, type, description, updateFrequencyMonths);
        SetOwners(owningOrganisationIds);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public ActionPlanType Type { get; private set; }
    public ActionPlanStatus Status { get; private set; }
    public string? Description { get; private set; }

    /// <summary>How often leads are reminded to add an update: monthly unless the plan says otherwise.</summary>
    public int UpdateFrequencyMonths { get; private set; }
    public SourceLink? Source { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyCollection<PlanOwner> Owners => _owners;
    public IReadOnlyList<PlanSection> Sections => _sections.OrderBy(s => s.Number).ToList();

    public bool IsOwnedBy(Guid? organisationId) => organisationId is { } id && _owners.Any(o => o.OrganisationId == id);

    public void UpdateDetails(string title, ActionPlanType type, string? description, int updateFrequencyMonths)
    {
        if (updateFrequencyMonths is < MinUpdateFrequencyMonths or > MaxUpdateFrequencyMonths)
            throw new DomainRuleException($"Updates can be asked for every {MinUpdateFrequencyMonths} to {MaxUpdateFrequencyMonths} months.");
        Title = Guard.RequiredText(title, "Plan title", TitleMaxLength);
        Type = type;
        Description = Guard.OptionalText(description, "Description", DescriptionMaxLength);
        UpdateFrequencyMonths = updateFrequencyMonths;
    }

    public void SetOwners(IEnumerable<Guid> organisationIds)
    {
        var wanted = organisationIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (wanted.Count == 0)
            throw new DomainRuleException("A plan needs at least one owning organisation.");
        if (wanted.Count > MaxOwners)
            throw new DomainRuleException($"A plan can have at most {MaxOwners} owning organisations.");
        _owners.RemoveAll(o => !wanted.Contains(o.OrganisationId));
        foreach (var id in wanted.Where(id => _owners.All(o => o.OrganisationId != id)))
            _owners.Add(new PlanOwner(id));
    }

    public void LinkSource(SourceLink? source) => Source = source;

    public PlanSection AddSection(string title, int? number = null)
    {
        EnsureOpen();
        var chosen = number ?? (_sections.Count == 0 ? 1 : _sections.Max(s => s.Number) + 1);
        if (chosen < 1)
            throw new DomainRuleException("Section numbers start at 1.");
        if (_sections.Any(s => s.Number == chosen))
            throw new DomainRuleException($"This plan already has a section {chosen}.");
        var section = new PlanSection(Id, chosen, title);
        _sections.Add(section);
        return section;
    }

    public void RenameSection(Guid sectionId, string title, int number)
    {
        EnsureOpen();
        var section = FindSection(sectionId);
        if (number < 1)
            throw new DomainRuleException("Section numbers start at 1.");
        if (_sections.Any(s => s.Id != sectionId && s.Number == number))
            throw new DomainRuleException($"This plan already has a section {number}.");
        section.Change(number, title);
    }

    /// <summary>Removes an empty section. The caller says how many actions it holds, because actions are their own aggregate.</summary>
    public void RemoveSection(Guid sectionId, int actionCount)
    {
        EnsureOpen();
        var section = FindSection(sectionId);
        if (actionCount > 0)
            throw new DomainRuleException($"Section {section.Number} still has {actionCount} action(s). Move or remove them first.");
        _sections.Remove(section);
    }

    /// <summary>Starts a new action in one of this plan's sections; only an open plan takes new actions.</summary>
    public PlanAction CreateAction(Guid sectionId, int position, ActionDetails details, DateTimeOffset at)
    {
        EnsureOpen();
        FindSection(sectionId);
        return new PlanAction(Id, sectionId, position, details, at);
    }

    public void Activate()
    {
        if (Status == ActionPlanStatus.Active)
            throw new DomainRuleException("This plan is already active.");
        Status = ActionPlanStatus.Active;
        ClosedAt = null;
    }

    public void Close(DateTimeOffset at)
    {
        if (Status == ActionPlanStatus.Closed)
            throw new DomainRuleException("This plan is already closed.");
        Status = ActionPlanStatus.Closed;
        ClosedAt = at;
    }

    /// <summary>A closed plan is a record: it can be read and exported, not changed, until it is reopened.</summary>
    public void EnsureOpen()
    {
        if (Status == ActionPlanStatus.Closed)
            throw new DomainRuleException("This plan is closed. Reopen it to make changes.");
    }

    public PlanSection FindSection(Guid sectionId) =>
        _sections.FirstOrDefault(s => s.Id == sectionId) ?? throw new DomainRuleException("That section is not part of this plan.");
}

public sealed class PlanOwner
{
    private PlanOwner() { }

    internal PlanOwner(Guid organisationId) => OrganisationId = organisationId;

    public Guid OrganisationId { get; private set; }
}

/// <summary>A numbered section of a plan, e.g. "2. Access to support before crisis point".</summary>
public sealed class PlanSection
{
    public const int TitleMaxLength = 300;

    private PlanSection() { Title = ""; }

    internal PlanSection(Guid planId, int number, string title)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        Title = "";
        Change(number, title);
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; }

    /// <summary>How the section is written in the plan's table and spreadsheet: "2. Access to support before crisis point".</summary>
    public string Heading => $"{Number}. {Title}";

    internal void Change(int number, string title)
    {
        Number = number;
        Title = Guard.RequiredText(title, "Section title", TitleMaxLength);
    }
}

/// <summary>Where a plan or action came from: a "Requires improvement" audit, a QAM or Safety and Improvement meeting, a QI project.</summary>
public sealed class SourceLink
{
    public const int ReferenceMaxLength = 64;
    public const int LabelMaxLength = 200;

    private SourceLink() { Reference = ""; Label = ""; }

    public SourceLink(ActionSourceType type, string reference, string label)
    {
        Type = type;
        Reference = Guard.RequiredText(reference, "Source reference", ReferenceMaxLength);
        Label = Guard.RequiredText(label, "Source description", LabelMaxLength);
    }

    public ActionSourceType Type { get; private set; }

    /// <summary>The id of the audit, meeting or QI project in its own module.</summary>
    public string Reference { get; private set; }
    public string Label { get; private set; }
}
