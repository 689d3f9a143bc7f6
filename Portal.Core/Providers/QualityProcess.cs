using Portal.Core.Calendar;

namespace Portal.Core.Providers;

/// <summary>The stages of Hertfordshire's Safety and Improvement Process, from prevention to reflection.</summary>
public enum ProcessStage
{
    Prevention,
    QualityAssurance,
    MultiAgencyDecision,
    SafetyAndImprovement,
    Closure,
    ReflectionAndLearning,
    Completed,
    Resolved,
}

public static class ProcessStages
{
    /// <summary>
    /// The only moves the seed describes. Most concerns end in prevention or quality assurance (Resolved);
    /// an MDMM that finds the threshold not met sends the provider back to QAMs led by commissioners.
    /// </summary>
    public static IReadOnlyDictionary<ProcessStage, ProcessStage[]> Allowed { get; } = new Dictionary<ProcessStage, ProcessStage[]>
    {
        [ProcessStage.Prevention] = [ProcessStage.QualityAssurance, ProcessStage.Resolved],
        [ProcessStage.QualityAssurance] = [ProcessStage.MultiAgencyDecision, ProcessStage.Resolved],
        [ProcessStage.MultiAgencyDecision] = [ProcessStage.SafetyAndImprovement, ProcessStage.QualityAssurance],
        [ProcessStage.SafetyAndImprovement] = [ProcessStage.Closure],
        [ProcessStage.Closure] = [ProcessStage.ReflectionAndLearning],
        [ProcessStage.ReflectionAndLearning] = [ProcessStage.Completed],
        [ProcessStage.Completed] = [],
        [ProcessStage.Resolved] = [],
    };

    public static bool CanMove(ProcessStage from, ProcessStage to) => Allowed[from].Contains(to);

    public static string Describe(this ProcessStage stage) => stage switch
    {
        ProcessStage.Prevention => "Prevention",
        ProcessStage.QualityAssurance => "Quality Assurance Meetings",
        ProcessStage.MultiAgencyDecision => "Multi-agency Decision Making Meeting",
        ProcessStage.SafetyAndImprovement => "Safety and Improvement Process meetings",
        ProcessStage.Closure => "Closure",
        ProcessStage.ReflectionAndLearning => "Reflection and Learning",
        ProcessStage.Completed => "Completed",
        ProcessStage.Resolved => "Resolved without escalation",
        _ => stage.ToString(),
    };

    public static bool IsOpen(this ProcessStage stage) => stage is not (ProcessStage.Completed or ProcessStage.Resolved);
}

/// <summary>A decision recorded at a stage: who recorded it, when, and (if any) at which meeting.</summary>
public sealed class ProcessDecision
{
    private ProcessDecision() { Text = ""; RecordedBy = ""; }

    internal ProcessDecision(ProcessStage stage, string text, DateOnly decidedOn, string recordedBy, Guid? meetingId)
    {
        Stage = stage;
        Text = text;
        DecidedOn = decidedOn;
        RecordedBy = recordedBy;
        MeetingId = meetingId;
    }

    public ProcessStage Stage { get; private set; }
    public string Text { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public string RecordedBy { get; private set; }
    public Guid? MeetingId { get; private set; }
}

/// <summary>A document kept with the process (an audit, a CQC report, a service improvement plan).</summary>
public sealed class ProcessDocument
{
    private ProcessDocument() { Title = ""; AddedBy = ""; }

    internal ProcessDocument(ProcessStage stage, string title, string? reference, string addedBy, DateOnly addedOn)
    {
        Stage = stage;
        Title = title;
        Reference = reference;
        AddedBy = addedBy;
        AddedOn = addedOn;
    }

    public ProcessStage Stage { get; private set; }
    public string Title { get; private set; }

    /// <summary>Where the document is kept (a file reference or link).</summary>
    public string? Reference { get; private set; }
    public string AddedBy { get; private set; }
    public DateOnly AddedOn { get; private set; }
}

/// <summary>
/// One provider's journey through prevention, Quality Assurance Meetings, the MDMM and the Safety and
/// Improvement Process to closure and reflection. Every stage change goes through <see cref="MoveTo"/>,
/// which allows only <see cref="ProcessStages.Allowed"/>.
/// </summary>
public sealed class QualityProcess : Versioned
{
    public const int SummaryMaxLength = 4000;
    public const int DecisionMaxLength = 4000;
    public const int PersonNameMaxLength = ProcessMeeting.PersonNameMaxLength;
    public const int DocumentTitleMaxLength = 300;
    public const int DocumentReferenceMaxLength = 500;

    /// <summary>§4 ii: "There will be a minimum of two QAMs".</summary>
    public const int MinimumQams = 2;

    /// <summary>§5 v: first meeting with the provider within 10 working days of the decision to trigger.</summary>
    public const int FirstMeetingWorkingDays = 10;

    /// <summary>§5 v: no more than six months, else reported to SQIG and the HSAB Board.</summary>
    public const int MaximumMonths = 6;

    /// <summary>§6: Reflection and Learning within one month of the conclusion.</summary>
    public const int ReflectionMonths = 1;

    private readonly List<ProcessMeeting> _meetings = [];
    private readonly List<RiskAssessmentRow> _riskRows = [];
    private readonly List<ThresholdEvidence> _thresholdEvidence = [];
    private readonly List<ProcessDecision> _decisions = [];
    private readonly List<ProcessDocument> _documents = [];

    private QualityProcess() { ConcernSummary = ""; OpenedBy = ""; }

    public QualityProcess(Provider provider, string concernSummary, DateOnly openedOn, string openedBy)
    {
        if (!provider.IsActive)
            throw new DomainRuleException($"{provider.Name} is inactive in the register.");
        Id = Guid.NewGuid();
        ProviderId = provider.Id;
        LeadOrganisationId = provider.LeadOrganisationId;
        ConcernSummary = Guard.RequiredText(concernSummary, "Summary of concerns", SummaryMaxLength);
        OpenedOn = openedOn;
        OpenedBy = Guard.RequiredText(openedBy, "Opened by", PersonNameMaxLength);
        Stage = ProcessStage.Prevention;
        StageSince = openedOn;
        _decisions.Add(new ProcessDecision(Stage, "Concerns recorded; prevention and support under way.", openedOn, OpenedBy, null));
    }

    public Guid Id { get; private set; }
    public Guid ProviderId { get; private set; }
    public Guid LeadOrganisationId { get; private set; }
    public string ConcernSummary { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public string OpenedBy { get; private set; }
    public ProcessStage Stage { get; private set; }
    public DateOnly StageSince { get; private set; }

    /// <summary>Counts rounds of QAMs; a new round starts each time the process enters the QAM stage.</summary>
    public int QaRound { get; private set; }

    /// <summary>Set when an MDMM found the threshold not met: further QAMs are led by commissioners.</summary>
    public bool LedByCommissioners { get; private set; }

    /// <summary>The decision to trigger the Safety and Improvement Process (the MDMM date).</summary>
    public DateOnly? TriggeredOn { get; private set; }

    /// <summary>The Head of Service chairing the Safety and Improvement Process.</summary>
    public string? ProcessChairName { get; private set; }
    public DateOnly? ProviderFormallyNotifiedOn { get; private set; }
    public DateOnly? ConcludedOn { get; private set; }
    public DateOnly? FundingAuthoritiesInformedOn { get; private set; }
    public DateOnly? ReportedToSqigAndHsabOn { get; private set; }
    public DateOnly? OutcomesLetterSentOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public IReadOnlyCollection<ProcessMeeting> Meetings => _meetings;
    public IReadOnlyCollection<RiskAssessmentRow> RiskRows => _riskRows;
    public IReadOnlyCollection<ThresholdEvidence> ThresholdEvidence => _thresholdEvidence;
    public IReadOnlyCollection<ProcessDecision> Decisions => _decisions;
    public IReadOnlyCollection<ProcessDocument> Documents => _documents;

    public bool IsOpen => Stage.IsOpen();

    public int QamsHeldThisRound => _meetings.Count(m => m.Kind == MeetingKind.QualityAssurance && m.QaRound == QaRound && m.IsHeld);

    public DateOnly? FirstMeetingDueOn(WorkingDayCalendar calendar) =>
        TriggeredOn is { } triggered ? calendar.AddWorkingDays(triggered, FirstMeetingWorkingDays) : null;

    public DateOnly? SixMonthLimit => TriggeredOn?.AddMonths(MaximumMonths);

    public DateOnly? ReflectionDueOn => ConcludedOn?.AddMonths(ReflectionMonths);

    /// <summary>True once the process has run past six months from its trigger and has not yet been reported.</summary>
    public bool MustReportToSqigAndHsab(DateOnly today) =>
        SixMonthLimit is { } limit && (ConcludedOn ?? today) > limit && ReportedToSqigAndHsabOn is null;

    public ProcessMeeting Meeting(Guid meetingId) =>
        _meetings.FirstOrDefault(m => m.Id == meetingId) ?? throw new DomainRuleException("That meeting is not part of this process.");

    // ---- Prevention and quality assurance -------------------------------------------------------------

    /// <summary>§4 ii: concerns not remedied are escalated to the provider's senior management at QAMs.</summary>
    public void EscalateToQualityAssurance(DateOnly on, string reason, string by)
    {
        MoveTo(ProcessStage.QualityAssurance, on);
        Log(Require(reason, "Reason"), on, by, null);
    }

    /// <summary>
    /// Concerns remedied: in prevention at any time; at QAM stage only after the minimum of two QAMs, the
    /// second of which "closes the process down".
    /// </summary>
    public void Resolve(DateOnly on, string reason, string by)
    {
        if (Stage == ProcessStage.QualityAssurance && QamsHeldThisRound < MinimumQams)
            throw new DomainRuleException($"There is a minimum of two QAMs: the second closes the process down. {QamsHeldThisRound} held so far.");
        RequireNoMeetingPending();
        MoveTo(ProcessStage.Resolved, on);
        ClosedOn = on;
        Log(Require(reason, "Reason"), on, by, null);
    }

    /// <summary>§4 v: concerns still not remedied after the QAMs go to a Multi-agency Decision Making Meeting.</summary>
    public void EscalateToMdmm(DateOnly on, string reason, string by)
    {
        if (Stage == ProcessStage.QualityAssurance && QamsHeldThisRound < MinimumQams)
            throw new DomainRuleException($"Hold at least two QAMs before escalating to an MDMM ({QamsHeldThisRound} held so far).");
        RequireNoMeetingPending();
        MoveTo(ProcessStage.MultiAgencyDecision, on);
        Log(Require(reason, "Reason"), on, by, null);
    }

    public void AddThresholdEvidence(ThresholdIndicator indicator, string evidence, string by, DateOnly on)
    {
        if (Stage is not (ProcessStage.QualityAssurance or ProcessStage.MultiAgencyDecision or ProcessStage.SafetyAndImprovement))
            throw new DomainRuleException("Threshold evidence is gathered for the MDMM, during quality assurance or the MDMM stage.");
        _thresholdEvidence.Add(new ThresholdEvidence(indicator, evidence, by, on));
    }

    // ---- Meetings ------------------------------------------------------------------------------------

    public ProcessMeeting ScheduleMeeting(MeetingKind kind, DateTime at, string place, string chairName, string? lateReason, WorkingDayCalendar calendar)
    {
        RequireNoMeetingPending();
        var date = DateOnly.FromDateTime(at);
        switch (kind)
        {
            case MeetingKind.QualityAssurance:
                RequireStage(ProcessStage.QualityAssurance, "A QAM");
                break;
            case MeetingKind.MultiAgencyDecision:
                RequireStage(ProcessStage.MultiAgencyDecision, "An MDMM");
                break;
            case MeetingKind.SafetyAndImprovementFirst:
                RequireStage(ProcessStage.SafetyAndImprovement, "A Safety and Improvement Process meeting");
                if (_meetings.Any(m => m.Kind == MeetingKind.SafetyAndImprovementFirst))
                    throw new DomainRuleException("The first Safety and Improvement Process meeting has already been arranged; later meetings are reconvened meetings.");
                RequireOnTime(date, FirstMeetingDueOn(calendar)!.Value, lateReason,
                    "The first meeting with the provider must be within 10 working days of the decision to trigger the process");
                break;
            case MeetingKind.SafetyAndImprovementReconvened:
                RequireStage(ProcessStage.SafetyAndImprovement, "A reconvened meeting");
                if (!_meetings.Any(m => m.Kind == MeetingKind.SafetyAndImprovementFirst && m.IsHeld))
                    throw new DomainRuleException("A meeting can only be reconvened after the first Safety and Improvement Process meeting has been held.");
                break;
            case MeetingKind.ReflectionAndLearning:
                RequireStage(ProcessStage.Closure, "The Reflection and Learning meeting");
                RequireIndependentChair(chairName);
                RequireOnTime(date, ReflectionDueOn!.Value, lateReason,
                    "The Reflection and Learning meeting should be held within one month of the conclusion of the process");
                break;
            default:
                throw new DomainRuleException("Choose the kind of meeting.");
        }
        if (kind != MeetingKind.ReflectionAndLearning && _meetings.Any(m => m.IsHeld && m.Date > date))
            throw new DomainRuleException("A meeting cannot be arranged before one that has already been held.");

        var meeting = new ProcessMeeting(Id, kind, QaRound, at, place, chairName, lateReason);
        _meetings.Add(meeting);
        if (kind == MeetingKind.ReflectionAndLearning)
            MoveTo(ProcessStage.ReflectionAndLearning, StageSince > date ? StageSince : date);
        return meeting;
    }

    public void RescheduleMeeting(Guid meetingId, DateTime at, string place, string chairName, string? lateReason, WorkingDayCalendar calendar)
    {
        var meeting = Meeting(meetingId);
        var date = DateOnly.FromDateTime(at);
        if (meeting.Kind == MeetingKind.SafetyAndImprovementFirst)
            RequireOnTime(date, FirstMeetingDueOn(calendar)!.Value, lateReason ?? meeting.LateReason,
                "The first meeting with the provider must be within 10 working days of the decision to trigger the process");
        if (meeting.Kind == MeetingKind.ReflectionAndLearning)
        {
            RequireIndependentChair(chairName);
            RequireOnTime(date, ReflectionDueOn!.Value, lateReason ?? meeting.LateReason,
                "The Reflection and Learning meeting should be held within one month of the conclusion of the process");
        }
        meeting.SetSchedule(at, place, chairName);
    }

    public void MarkMeetingHeld(Guid meetingId, DateOnly today)
    {
        var meeting = Meeting(meetingId);
        if (meeting.Kind == MeetingKind.SafetyAndImprovementFirst || meeting.Kind == MeetingKind.SafetyAndImprovementReconvened)
            RequireStage(ProcessStage.SafetyAndImprovement, "This meeting");
        meeting.MarkHeld(today);
    }

    // ---- The MDMM decision ----------------------------------------------------------------------------

    /// <summary>
    /// §5 ii–iii: records the MDMM's decision on the threshold. The four roles of §5 iii must be present.
    /// Met: the Safety and Improvement Process is triggered with the MDMM's date and a Head of Service as chair.
    /// Not met: back to QAMs, led by commissioners.
    /// </summary>
    public void RecordThresholdDecision(Guid meetingId, bool thresholdMet, string rationale, string? processChairName, string by)
    {
        RequireStage(ProcessStage.MultiAgencyDecision, "A threshold decision");
        var meeting = Meeting(meetingId);
        if (meeting.Kind != MeetingKind.MultiAgencyDecision || meeting.HeldOn is not { } heldOn)
            throw new DomainRuleException("The threshold decision is made at an MDMM that has been held.");
        var missing = meeting.MissingQuorumRoles;
        if (missing.Count > 0)
            throw new DomainRuleException("To enable a decision to be made the following need to be present: " +
                string.Join("; ", missing.Select(r => r.Describe())) + ".");
        var why = Require(rationale, "The reasons for the decision");
        if (thresholdMet)
        {
            if (_thresholdEvidence.Count == 0)
                throw new DomainRuleException("Record the evidence against the threshold indicators before deciding the threshold is met.");
            var chair = Guard.RequiredText(processChairName, "Chair of the Safety and Improvement Process (a Head of Service)", PersonNameMaxLength);
            MoveTo(ProcessStage.SafetyAndImprovement, heldOn);
            TriggeredOn = heldOn;
            ProcessChairName = chair;
            var text = $"Threshold met: Safety and Improvement Process triggered, chaired by {chair}. {why}";
            meeting.RecordDecisions(text);
            Log(text, heldOn, by, meeting.Id);
        }
        else
        {
            MoveTo(ProcessStage.QualityAssurance, heldOn);
            LedByCommissioners = true;
            var text = $"Threshold not met: quality monitoring led by commissioners; further meetings are QAMs. {why}";
            meeting.RecordDecisions(text);
            Log(text, heldOn, by, meeting.Id);
        }
    }

    /// <summary>§5 ii: the formal notification (Appendix Six) sent to the provider once the threshold is met.</summary>
    public void RecordProviderFormallyNotified(DateOnly on)
    {
        if (TriggeredOn is not { } triggered || on < triggered)
            throw new DomainRuleException("The provider is formally notified after the decision to trigger the process.");
        ProviderFormallyNotifiedOn = on;
    }

    // ---- Safety and Improvement Process, closure, reflection ------------------------------------------

    /// <summary>§5 v: "Decide that the Safety and Improvement Process can be concluded (this has to be a multi-agency decision)."</summary>
    public void Conclude(Guid meetingId, string decision, string by)
    {
        RequireStage(ProcessStage.SafetyAndImprovement, "Concluding the process");
        var meeting = Meeting(meetingId);
        if (!meeting.Kind.IsSafetyAndImprovement() || meeting.HeldOn is not { } heldOn)
            throw new DomainRuleException("The process is concluded by a multi-agency decision at a Safety and Improvement Process meeting that has been held.");
        RequireNoMeetingPending();
        var text = "Process concluded by multi-agency decision. " + Require(decision, "The decision");
        MoveTo(ProcessStage.Closure, heldOn);
        ConcludedOn = heldOn;
        meeting.RecordDecisions(text);
        Log(text, heldOn, by, meeting.Id);
    }

    /// <summary>§5 v: other funding authorities are informed via Commissioning that the process has concluded.</summary>
    public void RecordFundingAuthoritiesInformed(DateOnly on)
    {
        if (ConcludedOn is not { } concluded || on < concluded)
            throw new DomainRuleException("Funding authorities are informed once the process has concluded.");
        FundingAuthoritiesInformedOn = on;
    }

    public void RecordReportedToSqigAndHsab(DateOnly on, string by)
    {
        if (TriggeredOn is not { } triggered || on < triggered)
            throw new DomainRuleException("Only a Safety and Improvement Process that has been triggered is reported to SQIG and the HSAB Board.");
        ReportedToSqigAndHsabOn = on;
        Log("Reported to SQIG and the HSAB Board.", on, by, null);
    }

    /// <summary>§6: the Reflection and Learning meeting "will be concluded by a letter outlining the outcomes".</summary>
    public void Complete(DateOnly outcomesLetterSentOn, string by)
    {
        RequireStage(ProcessStage.ReflectionAndLearning, "Completing the process");
        var meeting = _meetings.Single(m => m.Kind == MeetingKind.ReflectionAndLearning);
        if (meeting.HeldOn is not { } held)
            throw new DomainRuleException("Hold the Reflection and Learning meeting before completing the process.");
        if (outcomesLetterSentOn < held)
            throw new DomainRuleException("The outcomes letter follows the Reflection and Learning meeting.");
        OutcomesLetterSentOn = outcomesLetterSentOn;
        MoveTo(ProcessStage.Completed, outcomesLetterSentOn);
        ClosedOn = outcomesLetterSentOn;
        Log("Reflection and Learning concluded by the outcomes letter.", outcomesLetterSentOn, by, meeting.Id);
    }

    // ---- Risk assessment (Appendix Five) -------------------------------------------------------------

    public RiskAssessmentRow AddRiskRow(Guid meetingId, DateOnly dateAgreed, string issues, string risks, string actionPlan)
    {
        var meeting = RiskMeeting(meetingId);
        if (dateAgreed < meeting.Date)
            throw new DomainRuleException("The date agreed cannot be before the meeting.");
        var row = new RiskAssessmentRow(Id, meeting.Id, dateAgreed, issues, risks, actionPlan);
        _riskRows.Add(row);
        return row;
    }

    public void EditRiskRow(Guid rowId, string issues, string risks, string actionPlan) => RiskRow(rowId).Edit(issues, risks, actionPlan);

    public void ReviewRiskRow(Guid rowId, Guid meetingId, DateOnly dateReviewed, string actionsReviewed) =>
        RiskRow(rowId).Review(RiskMeeting(meetingId).Id, dateReviewed, actionsReviewed);

    /// <summary>Sign-off is the chair's: of the meeting that agreed or reviewed the row, or of the process.</summary>
    public void SignOffRiskRow(Guid rowId, string signerName, DateTimeOffset at)
    {
        var row = RiskRow(rowId);
        var chairs = new[] { Meeting(row.MeetingId).ChairName, ProcessChairName, row.ReviewedAtMeetingId is { } r ? Meeting(r).ChairName : null };
        var signer = signerName?.Trim() ?? "";
        if (!chairs.Any(c => SamePerson(c, signer)))
            throw new DomainRuleException($"Only the chair ({string.Join(" or ", chairs.OfType<string>().Distinct())}) can sign off a row of the risk assessment.");
        row.SignOff(signer, at);
    }

    public RiskAssessmentRow RiskRow(Guid rowId) =>
        _riskRows.FirstOrDefault(r => r.Id == rowId) ?? throw new DomainRuleException("That row is not part of this risk assessment.");

    // ---- Documents ------------------------------------------------------------------------------------

    public void AddDocument(string title, string? reference, string by, DateOnly on) =>
        _documents.Add(new ProcessDocument(Stage, Guard.RequiredText(title, "Document title", DocumentTitleMaxLength),
            Guard.OptionalText(reference, "Where it is kept", DocumentReferenceMaxLength), by, on));

    public void RecordDecision(string decision, DateOnly on, string by, Guid? meetingId)
    {
        if (meetingId is { } id)
            Meeting(id).RecordDecisions(Require(decision, "Decision"));
        Log(Require(decision, "Decision"), on, by, meetingId);
    }

    // ---- Internals -----------------------------------------------------------------------------------

    private void MoveTo(ProcessStage target, DateOnly on)
    {
        if (!ProcessStages.CanMove(Stage, target))
            throw new DomainRuleException($"The process cannot move from {Stage.Describe()} to {target.Describe()}.");
        if (target == ProcessStage.QualityAssurance)
            QaRound++;
        Stage = target;
        StageSince = on;
    }

    private void Log(string text, DateOnly on, string by, Guid? meetingId) =>
        _decisions.Add(new ProcessDecision(Stage, text, on, Guard.RequiredText(by, "Recorded by", PersonNameMaxLength), meetingId));

    private void RequireStage(ProcessStage stage, string what)
    {
        if (Stage != stage)
            throw new DomainRuleException($"{what} belongs to the {stage.Describe()} stage; this process is at {Stage.Describe()}.");
    }

    private void RequireNoMeetingPending()
    {
        var pending = _meetings.FirstOrDefault(m => !m.IsHeld);
        if (pending is not null)
            throw new DomainRuleException($"The {pending.Kind.Describe()} on {pending.Date:d MMMM yyyy} has not been recorded as held yet. Record it as held, or move it.");
    }

    private void RequireIndependentChair(string chairName)
    {
        var chairs = _meetings.Where(m => m.Kind.IsSafetyAndImprovement()).Select(m => m.ChairName).Append(ProcessChairName);
        if (chairs.Any(c => SamePerson(c, chairName)))
            throw new DomainRuleException("The Chair of the Reflection and Learning session must not have been the Chair of the Safety and Improvement Process. An independent chair is recommended.");
    }

    private static void RequireOnTime(DateOnly date, DateOnly due, string? lateReason, string rule)
    {
        if (date > due && string.IsNullOrWhiteSpace(lateReason))
            throw new DomainRuleException($"{rule} (by {due:d MMMM yyyy}). Choose an earlier date or record why it has to be later.");
    }

    private ProcessMeeting RiskMeeting(Guid meetingId)
    {
        var meeting = Meeting(meetingId);
        if (meeting.Kind is not (MeetingKind.MultiAgencyDecision or MeetingKind.SafetyAndImprovementFirst or MeetingKind.SafetyAndImprovementReconvened))
            throw new DomainRuleException("The risk assessment is used at the MDMM and the Safety and Improvement Process meetings.");
        return meeting;
    }

    private static bool SamePerson(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Require(string? text, string field) => Guard.RequiredText(text, field, DecisionMaxLength);
}
