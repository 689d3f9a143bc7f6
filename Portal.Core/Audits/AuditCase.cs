using Portal.Core.Audits.Sampling;

namespace Portal.Core.Audits;

public enum CaseSelection
{
    /// <summary>Imported; the sample has not been drawn yet.</summary>
    InPool,
    Selected,
    NotSelected,
    Excluded,

    /// <summary>Added to the sample by hand, with a recorded reason.</summary>
    AddedManually,

    /// <summary>Taken out of the sample by hand (replaced), with a recorded reason.</summary>
    Removed,
}

/// <summary>
/// A case in a cycle's sampling pool. The portal does not hold the case record (RiO, Mosaic): this is a
/// reference to it — record id, the person's initials or a pseudonymous id, the practitioner, team, service,
/// type of work and date. It also keeps the facts the random draw used, so the draw can be re-derived.
/// </summary>
public sealed class AuditCase : Versioned
{
    public const int ExternalRecordIdMaxLength = 50;
    public const int PersonRefMaxLength = 20;
    public const int PractitionerNameMaxLength = 150;
    public const int PractitionerEmailMaxLength = 254;
    public const int ServiceMaxLength = 100;
    public const int WorkTypeMaxLength = 100;
    public const int ReasonMaxLength = 500;
    public const int NoteMaxLength = 600;

    private AuditCase()
    {
        ExternalRecordId = ""; PersonRef = ""; PractitionerName = ""; TeamName = ""; Service = ""; WorkType = "";
    }

    public AuditCase(AuditCycle cycle, string externalRecordId, string personRef, string practitionerName, string? practitionerEmail,
        Guid? practitionerUserId, Guid teamId, string teamName, string service, string workType, DateOnly workDate)
    {
        if (cycle.Status != CycleStatus.Planned)
            throw new DomainRuleException("Cases can only be imported into a cycle before its sample is drawn.");
        Id = Guid.NewGuid();
        CycleId = cycle.Id;
        OrganisationId = cycle.OrganisationId;
        ExternalRecordId = Guard.RequiredText(externalRecordId, "Record id", ExternalRecordIdMaxLength);
        PersonRef = CheckPersonRef(personRef);
        PractitionerName = Guard.RequiredText(practitionerName, "Practitioner", PractitionerNameMaxLength);
        PractitionerEmail = Guard.OptionalText(practitionerEmail, "Practitioner email", PractitionerEmailMaxLength)?.ToLowerInvariant();
        PractitionerUserId = practitionerUserId;
        TeamId = teamId;
        TeamName = Guard.RequiredText(teamName, "Team", 150);
        Service = Guard.RequiredText(service, "Service", ServiceMaxLength);
        WorkType = Guard.RequiredText(workType, "Type of work", WorkTypeMaxLength);
        WorkDate = workDate;
        Selection = CaseSelection.InPool;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string ExternalRecordId { get; private set; }

    /// <summary>The person's initials or a pseudonymous id — never a full name.</summary>
    public string PersonRef { get; private set; }
    public string PractitionerName { get; private set; }
    public string? PractitionerEmail { get; private set; }
    public Guid? PractitionerUserId { get; private set; }
    public Guid TeamId { get; private set; }
    public string TeamName { get; private set; }
    public string Service { get; private set; }
    public string WorkType { get; private set; }
    public DateOnly WorkDate { get; private set; }

    // The facts the draw used, kept so it can be re-run and verified later.
    public DateOnly? LastAuditedOn { get; private set; }
    public bool WorkerInPreviousCycle { get; private set; }
    public bool? DrawnByLot { get; private set; }

    public CaseSelection Selection { get; private set; }

    /// <summary>Why the case is or is not in the sample, in plain English.</summary>
    public string? SelectionNote { get; private set; }
    public string? ManualReason { get; private set; }
    public Guid? ManualById { get; private set; }
    public DateTimeOffset? ManualAt { get; private set; }
    public Guid? ReplacesCaseId { get; private set; }
    public Guid? AuditId { get; private set; }

    public bool IsInSample => Selection is CaseSelection.Selected or CaseSelection.AddedManually;

    /// <summary>Who the worker is for the "not the same worker" and "not their own work" rules.</summary>
    public string PractitionerKey => PractitionerEmail ?? PractitionerName.Trim().ToLowerInvariant();

    public SampleCandidate ToCandidate() =>
        new(Id, ExternalRecordId, PractitionerKey, PractitionerName, TeamName, LastAuditedOn, WorkerInPreviousCycle);

    /// <summary>Records the history the draw will use (set just before drawing).</summary>
    public void RecordHistory(DateOnly? lastAuditedOn, bool workerInPreviousCycle)
    {
        if (Selection != CaseSelection.InPool)
            throw new DomainRuleException("The draw has already happened for this case.");
        LastAuditedOn = lastAuditedOn;
        WorkerInPreviousCycle = workerInPreviousCycle;
    }

    public void ApplyDraw(SampleOutcome outcome)
    {
        if (outcome.CaseId != Id)
            throw new ArgumentException("That outcome is for another case.", nameof(outcome));
        if (Selection != CaseSelection.InPool)
            throw new DomainRuleException("The draw has already happened for this case.");
        DrawnByLot = outcome.Decision == SampleDecision.Selected;
        Selection = outcome.Decision switch
        {
            SampleDecision.Selected => CaseSelection.Selected,
            SampleDecision.Excluded => CaseSelection.Excluded,
            _ => CaseSelection.NotSelected,
        };
        SelectionNote = Truncate(outcome.Reason);
    }

    /// <summary>Adds a case the draw did not choose. The reason is recorded and shown beside the case.</summary>
    public void AddToSample(string reason, Guid byUserId, DateTimeOffset at, Guid? replacesCaseId = null)
    {
        if (Selection is not (CaseSelection.NotSelected or CaseSelection.Excluded or CaseSelection.Removed))
            throw new DomainRuleException(Selection == CaseSelection.InPool
                ? "Draw the sample before adding cases by hand."
                : $"Record {ExternalRecordId} is already in the sample.");
        ManualReason = Guard.RequiredText(reason, "Reason for adding the case", ReasonMaxLength);
        ManualById = byUserId;
        ManualAt = at;
        ReplacesCaseId = replacesCaseId;
        Selection = CaseSelection.AddedManually;
        SelectionNote = replacesCaseId is null ? "Added by hand." : "Added by hand to replace another case.";
    }

    public void RemoveFromSample(string reason, Guid byUserId, DateTimeOffset at)
    {
        if (!IsInSample)
            throw new DomainRuleException($"Record {ExternalRecordId} is not in the sample.");
        if (AuditId is not null)
            throw new DomainRuleException($"Record {ExternalRecordId} has already been allocated for audit and cannot be taken out of the sample.");
        ManualReason = Guard.RequiredText(reason, "Reason for removing the case", ReasonMaxLength);
        ManualById = byUserId;
        ManualAt = at;
        Selection = CaseSelection.Removed;
        SelectionNote = "Taken out of the sample by hand.";
    }

    public void MarkAllocated(Guid auditId)
    {
        if (!IsInSample)
            throw new DomainRuleException($"Record {ExternalRecordId} is not in the sample.");
        if (AuditId is not null)
            throw new DomainRuleException($"Record {ExternalRecordId} is already allocated.");
        AuditId = auditId;
    }

    /// <summary>Rejects what looks like a full name: the pool needs initials or a pseudonymous id only.</summary>
    public static string CheckPersonRef(string? value)
    {
        var text = Guard.RequiredText(value, "Person (initials or pseudonymous id)", PersonRefMaxLength);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words.All(w => w.Length >= 3 && w.All(char.IsLetter)))
            throw new DomainRuleException("Use the person's initials or a pseudonymous id, not their full name.");
        return text;
    }

    private static string Truncate(string text) => text.Length <= NoteMaxLength ? text : text[..(NoteMaxLength - 1)] + "…";
}
