using Portal.Core.Calendar;

namespace Portal.Core.Providers;

public enum MeetingKind
{
    QualityAssurance,
    MultiAgencyDecision,
    SafetyAndImprovementFirst,
    SafetyAndImprovementReconvened,
    ReflectionAndLearning,
}

public static class MeetingKindText
{
    public static string Describe(this MeetingKind kind) => kind switch
    {
        MeetingKind.QualityAssurance => "Quality Assurance Meeting (QAM)",
        MeetingKind.MultiAgencyDecision => "Multi-agency Decision Making Meeting (MDMM)",
        MeetingKind.SafetyAndImprovementFirst => "Safety and Improvement Process meeting",
        MeetingKind.SafetyAndImprovementReconvened => "Reconvened Safety and Improvement Process meeting",
        MeetingKind.ReflectionAndLearning => "Reflection and Learning meeting",
        _ => kind.ToString(),
    };

    public static bool IsSafetyAndImprovement(this MeetingKind kind) =>
        kind is MeetingKind.SafetyAndImprovementFirst or MeetingKind.SafetyAndImprovementReconvened;
}

public sealed class MeetingAttendee
{
    private MeetingAttendee() { Name = ""; }

    internal MeetingAttendee(string name, string? roleAndOrganisation, MdmmQuorumRole? quorumRole)
    {
        Name = name;
        RoleAndOrganisation = roleAndOrganisation;
        QuorumRole = quorumRole;
    }

    public string Name { get; private set; }
    public string? RoleAndOrganisation { get; private set; }

    /// <summary>Which of the four §5 iii roles this person fills at an MDMM, if any.</summary>
    public MdmmQuorumRole? QuorumRole { get; private set; }
}

/// <summary>A written report a partner brought to the meeting (§5 v lists the ones part one must receive).</summary>
public sealed class MeetingReport
{
    private MeetingReport() { Title = ""; }

    internal MeetingReport(string title, string? fromOrganisation, DateOnly receivedOn)
    {
        Title = title;
        FromOrganisation = fromOrganisation;
        ReceivedOn = receivedOn;
    }

    public string Title { get; private set; }
    public string? FromOrganisation { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
}

/// <summary>One Appendix Four action: considered/taken (Yes) or not (No), with a note.</summary>
public sealed class ChecklistAnswer
{
    private ChecklistAnswer() { }

    internal ChecklistAnswer(int itemNumber, bool? yes, string? note)
    {
        ItemNumber = itemNumber;
        Yes = yes;
        Note = note;
    }

    public int ItemNumber { get; private set; }
    public bool? Yes { get; private set; }
    public string? Note { get; private set; }

    internal void Update(bool? yes, string? note)
    {
        Yes = yes;
        Note = note;
    }
}

/// <summary>
/// A meeting of the process. Times are UK wall-clock times (what the invitation says), so "48 hours before"
/// and "within 5 working days" are counted as people count them.
/// </summary>
public sealed class ProcessMeeting
{
    public const int PlaceMaxLength = 300;
    public const int PersonNameMaxLength = 150;
    public const int RoleMaxLength = 200;
    public const int MinutesMaxLength = 20000;
    public const int ReasonMaxLength = 1000;
    public const int ReportTitleMaxLength = 300;
    public const int NoteMaxLength = 1000;

    /// <summary>§4 iv a: senior management are told at least 2 weeks before a QAM.</summary>
    public const int QamNoticeDays = 14;

    /// <summary>§4 iv b: the provider's action plan is due no later than 48 hours before the QAM.</summary>
    public const int ProviderActionPlanHoursBefore = 48;

    /// <summary>§4 iv c: agreed actions and timescales go to the provider no later than one week after a QAM.</summary>
    public const int QamActionsDaysAfter = 7;

    /// <summary>§5 v: minutes circulated to all attendees within 5 working days.</summary>
    public const int MinutesWorkingDays = 5;

    private readonly List<MeetingAttendee> _attendees = [];
    private readonly List<MeetingReport> _reports = [];
    private readonly List<ChecklistAnswer> _checklist = [];

    private ProcessMeeting() { Place = ""; ChairName = ""; }

    internal ProcessMeeting(Guid processId, MeetingKind kind, int qaRound, DateTime scheduledFor, string place, string chairName, string? lateReason)
    {
        Id = Guid.NewGuid();
        ProcessId = processId;
        Kind = kind;
        QaRound = qaRound;
        Place = ""; ChairName = "";
        SetSchedule(scheduledFor, place, chairName);
        LateReason = Guard.OptionalText(lateReason, "Reason", ReasonMaxLength);
    }

    public Guid Id { get; private set; }
    public Guid ProcessId { get; private set; }
    public MeetingKind Kind { get; private set; }

    /// <summary>Which round of QAMs a QAM belongs to (a second round follows an MDMM that finds the threshold not met).</summary>
    public int QaRound { get; private set; }
    public DateTime ScheduledFor { get; private set; }
    public DateOnly Date => DateOnly.FromDateTime(ScheduledFor);
    public string Place { get; private set; }
    public string ChairName { get; private set; }

    /// <summary>Why a meeting is later than the rule allows (first S&amp;I meeting, Reflection and Learning).</summary>
    public string? LateReason { get; private set; }
    public DateOnly? HeldOn { get; private set; }
    public bool IsHeld => HeldOn is not null;

    /// <summary>QAM: when senior management were told of the decision to convene it.</summary>
    public DateOnly? SeniorManagementToldOn { get; private set; }

    /// <summary>QAM: when the provider's action plan arrived (UK wall-clock time).</summary>
    public DateTime? ProviderActionPlanReceivedAt { get; private set; }

    /// <summary>QAM: when the agreed actions and timescales were sent to the provider.</summary>
    public DateOnly? ActionsSentOn { get; private set; }

    /// <summary>MDMM: when the GP practice(s) were notified (Appendix Seven).</summary>
    public DateOnly? GpPracticeNotifiedOn { get; private set; }

    /// <summary>MDMM: when the provider was informed that it took place (the provider is not invited).</summary>
    public DateOnly? ProviderInformedOn { get; private set; }

    /// <summary>S&amp;I meetings are in two parts unless a criminal offence is believed to have occurred or the provider's presence would compromise a police investigation.</summary>
    public bool HeldInOnePart { get; private set; }
    public string? OnePartReason { get; private set; }

    /// <summary>Minutes (part one, or the whole meeting when it is not in two parts).</summary>
    public string? MinutesPartOne { get; private set; }

    /// <summary>Minutes of part two, with the provider: the only minutes the provider receives.</summary>
    public string? MinutesPartTwo { get; private set; }
    public DateOnly? MinutesCirculatedOn { get; private set; }
    public string? MinutesExceptionAgreedByChair { get; private set; }
    public string? Decisions { get; private set; }

    public IReadOnlyCollection<MeetingAttendee> Attendees => _attendees;
    public IReadOnlyCollection<MeetingReport> ReportsReceived => _reports;
    public IReadOnlyCollection<ChecklistAnswer> Checklist => _checklist;

    public bool HasTwoParts => Kind.IsSafetyAndImprovement() && !HeldInOnePart;

    /// <summary>The quorum roles of §5 iii nobody present fills.</summary>
    public IReadOnlyList<MdmmQuorumRole> MissingQuorumRoles =>
        MdmmQuorum.Required.Where(r => _attendees.All(a => a.QuorumRole != r)).ToList();

    /// <summary>The latest time the provider's QAM action plan is due.</summary>
    public DateTime ProviderActionPlanDueAt => ScheduledFor.AddHours(-ProviderActionPlanHoursBefore);

    /// <summary>The last day senior management can be told of a QAM.</summary>
    public DateOnly SeniorManagementNoticeDueOn => Date.AddDays(-QamNoticeDays);

    public DateOnly? ActionsDueOn => HeldOn?.AddDays(QamActionsDaysAfter);

    public DateOnly? MinutesDueOn(WorkingDayCalendar calendar) => HeldOn is { } held ? calendar.AddWorkingDays(held, MinutesWorkingDays) : null;

    internal void SetSchedule(DateTime scheduledFor, string place, string chairName)
    {
        if (IsHeld)
            throw new DomainRuleException("This meeting has been held; it cannot be moved.");
        if (Kind == MeetingKind.QualityAssurance && SeniorManagementToldOn is { } told && DateOnly.FromDateTime(scheduledFor) < told.AddDays(QamNoticeDays))
            throw new DomainRuleException(
                $"Senior management were told on {told:d MMMM yyyy}; a QAM needs at least 2 weeks' notice, so it cannot be before {told.AddDays(QamNoticeDays):d MMMM yyyy}.");
        ScheduledFor = DateTime.SpecifyKind(scheduledFor, DateTimeKind.Unspecified);
        Place = Guard.RequiredText(place, "Place", PlaceMaxLength);
        ChairName = Guard.RequiredText(chairName, "Chair", PersonNameMaxLength);
    }

    internal void MarkHeld(DateOnly today)
    {
        if (IsHeld)
            throw new DomainRuleException("This meeting is already recorded as held.");
        if (Date > today)
            throw new DomainRuleException($"This meeting is on {Date:d MMMM yyyy}; it cannot be recorded as held before then.");
        HeldOn = Date;
    }

    public void AddAttendee(string name, string? roleAndOrganisation, MdmmQuorumRole? quorumRole)
    {
        var trimmed = Guard.RequiredText(name, "Attendee's name", PersonNameMaxLength);
        if (_attendees.Any(a => string.Equals(a.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
            throw new DomainRuleException($"{trimmed} is already in the attendance list.");
        if (quorumRole is not null && Kind != MeetingKind.MultiAgencyDecision)
            throw new DomainRuleException("Quorum roles are recorded for the MDMM only.");
        if (quorumRole is { } role && _attendees.Any(a => a.QuorumRole == role))
            throw new DomainRuleException($"Someone is already attending as {role.Describe()}.");
        _attendees.Add(new MeetingAttendee(trimmed, Guard.OptionalText(roleAndOrganisation, "Role and organisation", RoleMaxLength), quorumRole));
    }

    public void RemoveAttendee(string name)
    {
        if (Kind == MeetingKind.MultiAgencyDecision && IsHeld && Decisions is not null)
            throw new DomainRuleException("The threshold decision has been recorded; the attendance it relied on cannot change.");
        var attendee = _attendees.FirstOrDefault(a => string.Equals(a.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException($"{name} is not in the attendance list.");
        _attendees.Remove(attendee);
    }

    public void AddReportReceived(string title, string? fromOrganisation, DateOnly receivedOn) =>
        _reports.Add(new MeetingReport(Guard.RequiredText(title, "Report", ReportTitleMaxLength),
            Guard.OptionalText(fromOrganisation, "From", RoleMaxLength), receivedOn));

    public void AnswerChecklist(int itemNumber, bool? yes, string? note)
    {
        MeetingChecklist.Action(itemNumber);
        var trimmed = Guard.OptionalText(note, "Note", NoteMaxLength);
        var existing = _checklist.FirstOrDefault(c => c.ItemNumber == itemNumber);
        if (existing is null)
            _checklist.Add(new ChecklistAnswer(itemNumber, yes, trimmed));
        else
            existing.Update(yes, trimmed);
    }

    public void RecordSeniorManagementTold(DateOnly toldOn)
    {
        RequireKind(MeetingKind.QualityAssurance, "Senior management notice");
        if (toldOn > SeniorManagementNoticeDueOn)
            throw new DomainRuleException(
                $"Senior management must be told at least 2 weeks before the QAM, by {SeniorManagementNoticeDueOn:d MMMM yyyy}. Move the meeting to {toldOn.AddDays(QamNoticeDays):d MMMM yyyy} or later first.");
        SeniorManagementToldOn = toldOn;
    }

    /// <summary>Records when the plan arrived; a late plan is recorded as it happened and shows as late.</summary>
    public void RecordProviderActionPlanReceived(DateTime receivedAt)
    {
        RequireKind(MeetingKind.QualityAssurance, "The provider's action plan");
        ProviderActionPlanReceivedAt = DateTime.SpecifyKind(receivedAt, DateTimeKind.Unspecified);
    }

    public void RecordActionsSent(DateOnly sentOn)
    {
        RequireKind(MeetingKind.QualityAssurance, "Agreed actions and timescales");
        if (HeldOn is not { } held || sentOn < held)
            throw new DomainRuleException("Agreed actions are sent after the QAM has been held.");
        ActionsSentOn = sentOn;
    }

    public void RecordGpPracticeNotified(DateOnly notifiedOn)
    {
        RequireKind(MeetingKind.MultiAgencyDecision, "GP practice notification");
        GpPracticeNotifiedOn = notifiedOn;
    }

    public void RecordProviderInformed(DateOnly informedOn)
    {
        RequireKind(MeetingKind.MultiAgencyDecision, "Informing the provider");
        if (HeldOn is not { } held || informedOn < held)
            throw new DomainRuleException("The provider is informed after the MDMM has taken place; they are not invited to it.");
        ProviderInformedOn = informedOn;
    }

    /// <summary>§5 v: the exception to a two-part meeting.</summary>
    public void HoldInOnePart(string reason)
    {
        if (!Kind.IsSafetyAndImprovement())
            throw new DomainRuleException("Only Safety and Improvement Process meetings are held in two parts.");
        if (MinutesPartTwo is not null)
            throw new DomainRuleException("Part-two minutes have been recorded, so the meeting was held in two parts.");
        HeldInOnePart = true;
        OnePartReason = Guard.RequiredText(reason, "Reason", ReasonMaxLength);
    }

    /// <summary>
    /// Records the minutes and when they went to all attendees. Later than 5 working days after an S&amp;I
    /// meeting needs the exception the Chair agreed with the responsible board lead member.
    /// </summary>
    public void RecordMinutes(string? partOne, string? partTwo, DateOnly? circulatedOn, string? exceptionAgreedByChair, WorkingDayCalendar calendar)
    {
        if (HeldOn is not { } held)
            throw new DomainRuleException("Minutes are recorded once the meeting has been held.");
        var one = Guard.OptionalText(partOne, HasTwoParts ? "Part one minutes" : "Minutes", MinutesMaxLength);
        var two = Guard.OptionalText(partTwo, "Part two minutes", MinutesMaxLength);
        if (two is not null && !HasTwoParts)
            throw new DomainRuleException(Kind.IsSafetyAndImprovement()
                ? "This meeting was held in one part, so there are no part-two minutes."
                : "Only Safety and Improvement Process meetings have part-two minutes.");
        var exception = Guard.OptionalText(exceptionAgreedByChair, "Exception agreed by the Chair", ReasonMaxLength);
        if (circulatedOn is { } circulated)
        {
            if (circulated < held)
                throw new DomainRuleException("Minutes cannot be circulated before the meeting.");
            if (one is null && two is null)
                throw new DomainRuleException("Add the minutes before recording that they were circulated.");
            var due = calendar.AddWorkingDays(held, MinutesWorkingDays);
            if (Kind.IsSafetyAndImprovement() && circulated > due && exception is null)
                throw new DomainRuleException(
                    $"Minutes must be circulated within 5 working days, by {due:d MMMM yyyy}. Record the exception the Chair agreed with the responsible board lead member.");
        }
        MinutesPartOne = one;
        MinutesPartTwo = two;
        MinutesCirculatedOn = circulatedOn;
        MinutesExceptionAgreedByChair = exception;
    }

    /// <summary>What a provider may read: part-two minutes only, and nothing from a one-part meeting.</summary>
    public string? MinutesForProvider => HasTwoParts ? MinutesPartTwo : null;

    internal void RecordDecisions(string decisions) =>
        Decisions = string.IsNullOrEmpty(Decisions) ? decisions : Decisions + Environment.NewLine + decisions;

    private void RequireKind(MeetingKind kind, string what)
    {
        if (Kind != kind)
            throw new DomainRuleException($"{what} is recorded for a {kind.Describe()}, not a {Kind.Describe()}.");
    }
}
