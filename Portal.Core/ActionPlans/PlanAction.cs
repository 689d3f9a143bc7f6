using Portal.Core.Rag;

namespace Portal.Core.ActionPlans;

/// <summary>What a person edits on an action's form; the history (updates, RAG changes) has its own methods.</summary>
public sealed record ActionDetails(
    string? Number = null,
    string? SubHeading = null,
    ActionScope? Scope = null,
    string? ActionText = null,
    string? IssueIdentified = null,
    Timescale? Timescale = null,
    string? DateNote = null,
    string? CompletionNote = null,
    string? Outcomes = null,
    string? Evidence = null,
    SourceLink? Source = null);

/// <summary>One lead as the plan names them: a portal user, or a person or organisation outside the portal.</summary>
public sealed record LeadInput(string Name, Guid? UserId = null);

/// <summary>
/// One numbered action of a plan. It carries the seed 002 columns (No., RAG, scope, Action, Timescale, Led By,
/// dated updates, Outcomes) and the seed 003 ones (Issue identified, Actions needed, dated reviews, Lead, Date,
/// Date of completion). Every RAG change is kept with who, when, from, to and why.
/// </summary>
public sealed class PlanAction : Versioned
{
    public const int NumberMaxLength = 20;
    public const int SubHeadingMaxLength = 300;
    public const int TextMaxLength = 4000;
    public const int NoteMaxLength = 100;
    public const int UpdateTextMaxLength = 8000;
    public const int RationaleMaxLength = 1000;
    public const int LeadNameMaxLength = 200;
    public const int MaxLeads = 20;

    private readonly List<ActionLead> _leads = [];
    private readonly List<ActionUpdate> _updates = [];
    private readonly List<RagChange> _ragHistory = [];

    private PlanAction() { }

    internal PlanAction(Guid planId, Guid sectionId, int position, ActionDetails details, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        SectionId = sectionId;
        Position = position;
        CreatedAt = at;
        Edit(details, at);
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid SectionId { get; private set; }

    /// <summary>Order within the section (the table's row order).</summary>
    public int Position { get; private set; }

    /// <summary>As the plan writes it: "1.", "1.1", or nothing for a row that continues the one above.</summary>
    public string? Number { get; private set; }

    /// <summary>The sub-heading the action sits under, e.g. "Improving mental health crisis services".</summary>
    public string? SubHeading { get; private set; }
    public ActionScope? Scope { get; private set; }
    public string? ActionText { get; private set; }

    /// <summary>Seed 003's "Issue Identified": the review's recommendation.</summary>
    public string? IssueIdentified { get; private set; }
    public DateOnly? TimescaleStart { get; private set; }
    public bool TimescaleIsMonth { get; private set; }

    /// <summary>The last day the action is on time; kept as a column so boards compare it in SQL.</summary>
    public DateOnly? DueBy { get; private set; }

    /// <summary>Seed 003's "Date" column, as written ("2019").</summary>
    public string? DateNote { get; private set; }

    /// <summary>Seed 003's "Date of completion" when it is words, not a date ("Reviewed and ongoing 2021").</summary>
    public string? CompletionNote { get; private set; }
    public string? Outcomes { get; private set; }
    public string? Evidence { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public RagStatus? Rag { get; private set; }
    public string? RagRationale { get; private set; }
    public SourceLink? Source { get; private set; }

    /// <summary>The "as at" date of the newest update; kept as a column so "no update for N days" runs in SQL.</summary>
    public DateOnly? LatestUpdateOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changes on every edit, so adding an update or lead also checks the record's version.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    public IReadOnlyList<ActionLead> Leads => _leads.OrderBy(l => l.Position).ToList();
    public IReadOnlyList<ActionUpdate> Updates => _updates.OrderByDescending(u => u.AsOf).ThenByDescending(u => u.RecordedAt).ToList();
    public IReadOnlyList<RagChange> RagHistory => _ragHistory.OrderByDescending(r => r.At).ToList();

    public Timescale? Timescale => ActionPlans.Timescale.FromStored(TimescaleStart, TimescaleIsMonth);
    public bool IsComplete => Rag == RagStatus.Complete;
    public ActionUpdate? LatestUpdate => Updates.FirstOrDefault();
    public bool IsLedBy(Guid userId) => _leads.Any(l => l.UserId == userId);

    /// <summary>What the portal would suggest today; never applied unless a person accepts it.</summary>
    public RagSuggestion? SuggestRag(DateOnly today) => RagSuggestionRule.Suggest(Rag, Timescale, LatestUpdateOn, today);

    public void Edit(ActionDetails details, DateTimeOffset at)
    {
        var actionText = Guard.OptionalText(details.ActionText, "Action", TextMaxLength);
        var issue = Guard.OptionalText(details.IssueIdentified, "Issue identified", TextMaxLength);
        var outcomes = Guard.OptionalText(details.Outcomes, "Outcomes", TextMaxLength);
        if (actionText is null && issue is null && outcomes is null)
            throw new DomainRuleException("Write the action, the issue identified or the expected outcomes.");
        Number = Guard.OptionalText(details.Number, "Number", NumberMaxLength);
        SubHeading = Guard.OptionalText(details.SubHeading, "Sub-heading", SubHeadingMaxLength);
        Scope = details.Scope;
        ActionText = actionText;
        IssueIdentified = issue;
        Outcomes = outcomes;
        Evidence = Guard.OptionalText(details.Evidence, "Evidence", TextMaxLength);
        DateNote = Guard.OptionalText(details.DateNote, "Date", NoteMaxLength);
        CompletionNote = Guard.OptionalText(details.CompletionNote, "Date of completion", NoteMaxLength);
        TimescaleStart = details.Timescale?.Start;
        TimescaleIsMonth = details.Timescale?.IsMonth ?? false;
        DueBy = details.Timescale?.DueBy;
        Source = details.Source;
        LastChangedAt = at;
    }

    public void MoveTo(Guid sectionId, int position, DateTimeOffset at)
    {
        SectionId = sectionId;
        Position = position;
        LastChangedAt = at;
    }

    public void SetLeads(IEnumerable<LeadInput> leads, DateTimeOffset at)
    {
        var wanted = leads.Select(l => (Name: Guard.RequiredText(l.Name, "Lead", LeadNameMaxLength), l.UserId)).ToList();
        if (wanted.Count > MaxLeads)
            throw new DomainRuleException($"An action can have at most {MaxLeads} leads.");
        var duplicate = wanted.GroupBy(l => l.UserId is { } id ? id.ToString() : l.Name.ToLowerInvariant()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainRuleException($"{duplicate.First().Name} is listed as a lead more than once.");
        _leads.Clear();
        for (var i = 0; i < wanted.Count; i++)
            _leads.Add(new ActionLead(i, wanted[i].Name, wanted[i].UserId));
        LastChangedAt = at;
    }

    /// <summary>
    /// Adds a dated update (seed 002's "UPDATE NOVEMBER 2015", seed 003's "Review of issue/Action").
    /// <paramref name="asOf"/> is the date the update speaks for; it cannot be in the future.
    /// </summary>
    public ActionUpdate AddUpdate(DateOnly asOf, string text, Guid? authorId, string authorName, DateTimeOffset at)
    {
        if (asOf > DateOnly.FromDateTime(at.UtcDateTime).AddDays(1))
            throw new DomainRuleException("An update cannot be dated in the future.");
        var update = new ActionUpdate(asOf, Guard.RequiredText(text, "Update", UpdateTextMaxLength), authorId,
            Guard.RequiredText(authorName, "Author", LeadNameMaxLength), at);
        _updates.Add(update);
        if (LatestUpdateOn is null || asOf > LatestUpdateOn)
            LatestUpdateOn = asOf;
        LastChangedAt = at;
        return update;
    }

    /// <summary>
    /// Sets the RAG as a person's judgement with a short rationale; the change is kept in the history.
    /// Complete has its own method because it records the completion date; a complete action can be reopened here.
    /// </summary>
    public void ChangeRag(RagStatus to, string rationale, Guid? byUserId, string byName, DateTimeOffset at)
    {
        if (to == RagStatus.Complete)
            throw new DomainRuleException("Use \"Mark complete\" to complete an action, so the completion date is recorded.");
        if (Rag == to)
            throw new DomainRuleException($"The RAG is already {to.ToWord()}.");
        Record(to, rationale, byUserId, byName, at);
        CompletedOn = null;
    }

    public void Complete(DateOnly completedOn, string rationale, Guid? byUserId, string byName, DateTimeOffset at)
    {
        if (IsComplete)
            throw new DomainRuleException("This action is already complete.");
        if (completedOn > DateOnly.FromDateTime(at.UtcDateTime).AddDays(1))
            throw new DomainRuleException("The completion date cannot be in the future.");
        Record(RagStatus.Complete, rationale, byUserId, byName, at);
        CompletedOn = completedOn;
    }

    private void Record(RagStatus to, string rationale, Guid? byUserId, string byName, DateTimeOffset at)
    {
        var why = Guard.RequiredText(rationale, "Rationale for the RAG", RationaleMaxLength);
        _ragHistory.Add(new RagChange(Rag, to, why, byUserId, Guard.RequiredText(byName, "Changed by", LeadNameMaxLength), at));
        Rag = to;
        RagRationale = why;
        LastChangedAt = at;
    }
}

public sealed class ActionLead
{
    private ActionLead() { Name = ""; }

    internal ActionLead(int position, string name, Guid? userId)
    {
        Position = position;
        Name = name;
        UserId = userId;
    }

    public int Position { get; private set; }

    /// <summary>As the plan writes it: "ELFT – Diane Hull", "Jaki Whittred, Beds Police", or a portal user's name.</summary>
    public string Name { get; private set; }

    /// <summary>Set when the lead is a portal user: they get reminders and can add updates.</summary>
    public Guid? UserId { get; private set; }
}

public sealed class ActionUpdate
{
    private ActionUpdate() { Text = ""; AuthorName = ""; }

    internal ActionUpdate(DateOnly asOf, string text, Guid? authorId, string authorName, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        AsOf = asOf;
        Text = text;
        AuthorId = authorId;
        AuthorName = authorName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The date the update speaks for ("November 2015" is recorded as 1 November 2015).</summary>
    public DateOnly AsOf { get; private set; }
    public string Text { get; private set; }
    public Guid? AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>One RAG change: who, when, from, to, and the rationale they gave.</summary>
public sealed class RagChange
{
    private RagChange() { Rationale = ""; ByName = ""; }

    internal RagChange(RagStatus? from, RagStatus to, string rationale, Guid? byUserId, string byName, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        From = from;
        To = to;
        Rationale = rationale;
        ByUserId = byUserId;
        ByName = byName;
        At = at;
    }

    public Guid Id { get; private set; }
    public RagStatus? From { get; private set; }
    public RagStatus To { get; private set; }
    public string Rationale { get; private set; }
    public Guid? ByUserId { get; private set; }
    public string ByName { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>The board filters a person last used, so the board opens as they left it.</summary>
public sealed class ActionBoardPreference
{
    public const int MinStaleDays = 1;
    public const int MaxStaleDays = 730;
    public const int DefaultStaleDays = 60;

    private ActionBoardPreference() { }

    public ActionBoardPreference(Guid userId)
    {
        UserId = userId;
        StaleDays = DefaultStaleDays;
    }

    public Guid UserId { get; private set; }
    public Guid? PlanId { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public int StaleDays { get; private set; }
    public DateOnly? ChangedSince { get; private set; }

    public void Set(Guid? planId, Guid? organisationId, int staleDays, DateOnly? changedSince)
    {
        if (staleDays is < MinStaleDays or > MaxStaleDays)
            throw new DomainRuleException($"\"No update for\" must be between {MinStaleDays} and {MaxStaleDays} days.");
        PlanId = planId;
        OrganisationId = organisationId;
        StaleDays = staleDays;
        ChangedSince = changedSince;
    }
}
