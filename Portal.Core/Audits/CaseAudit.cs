namespace Portal.Core.Audits;

public enum AuditStatus
{
    Allocated,
    InProgress,
    Completed,
}

public enum AnswerValue
{
    Yes,
    No,
    NotApplicable,
}

public enum ConcernContactRole
{
    TeamManager,

    /// <summary>Seed 004: "In the absence of the relevant team manager, the auditor should contact the relevant Service Manager."</summary>
    ServiceManager,
}

/// <summary>What the auditor typed, as the form sends it on every (auto)save.</summary>
public sealed record AnswerInput(Guid QuestionId, AnswerValue? Value, string? Comment);

public sealed record LearningPointInput(string Text, IReadOnlyList<Guid> ThemeIds);

public sealed record AuditDraft(
    IReadOnlyList<AnswerInput> Answers,
    AuditGrade? Grade,
    string? GradeRationale,
    string? Strengths,
    string? HigherGradeAdvice,
    IReadOnlyList<LearningPointInput> LearningPoints);

/// <summary>
/// One case audit: the answers, grade and feedback, escalation, the practitioner's reflection and
/// response, the line manager's reflective conversation, corrective action and moderation. The rules of
/// seeds 000 §4 and 004 "Case audits" are enforced here; who may call each method is checked by the
/// feature service, and the acting person's id is passed in so the rules about roles can be enforced too.
/// </summary>
public sealed class CaseAudit : Versioned
{
    public const int TextMaxLength = 4000;
    public const int CommentMaxLength = 2000;
    public const int NameMaxLength = 150;
    public const int LearningPointMaxLength = 1000;
    public const int MaxLearningPoints = 20;

    private readonly List<AuditAnswer> _answers = [];
    private readonly List<LearningPoint> _learningPoints = [];
    private readonly List<ConcernContact> _concernContacts = [];

    private CaseAudit()
    {
        TemplateName = ""; ExternalRecordId = ""; PersonRef = ""; PractitionerName = ""; TeamName = ""; Service = ""; WorkType = ""; AuditorName = "";
    }

    /// <summary>Allocates a sampled case to an auditor on a published version of a tool.</summary>
    public CaseAudit(AuditCycle cycle, AuditTemplate template, AuditCase auditCase, Guid auditorId, string auditorName, DateTimeOffset at) : this()
    {
        if (template.Status != TemplateStatus.Published)
            throw new DomainRuleException($"{template.DisplayName} is not published.");
        if (auditCase.CycleId != cycle.Id || template.OrganisationId != cycle.OrganisationId)
            throw new DomainRuleException("That case or tool does not belong to this cycle.");
        if (auditCase.PractitionerUserId == auditorId)
            throw new DomainRuleException($"{auditorName} cannot audit their own work.");
        Id = Guid.NewGuid();
        OrganisationId = cycle.OrganisationId;
        CycleId = cycle.Id;
        CaseId = auditCase.Id;
        TemplateId = template.Id;
        TemplateName = template.Name;
        TemplateVersion = template.TemplateVersion;
        ExternalRecordId = auditCase.ExternalRecordId;
        PersonRef = auditCase.PersonRef;
        PractitionerName = auditCase.PractitionerName;
        PractitionerUserId = auditCase.PractitionerUserId;
        TeamId = auditCase.TeamId;
        TeamName = auditCase.TeamName;
        Service = auditCase.Service;
        WorkType = auditCase.WorkType;
        WorkDate = auditCase.WorkDate;
        AuditorId = auditorId;
        AuditorName = Guard.RequiredText(auditorName, "Auditor", NameMaxLength);
        AllocatedAt = at;
        Status = AuditStatus.Allocated;
        auditCase.MarkAllocated(Id);
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CycleId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid TemplateId { get; private set; }
    public string TemplateName { get; private set; }
    public int TemplateVersion { get; private set; }

    // A copy of the case reference, so lists and scoping need no join and the audit reads the same if the pool changes.
    public string ExternalRecordId { get; private set; }
    public string PersonRef { get; private set; }
    public string PractitionerName { get; private set; }
    public Guid? PractitionerUserId { get; private set; }
    public Guid TeamId { get; private set; }
    public string TeamName { get; private set; }
    public string Service { get; private set; }
    public string WorkType { get; private set; }
    public DateOnly WorkDate { get; private set; }

    public Guid AuditorId { get; private set; }
    public string AuditorName { get; private set; }
    public DateTimeOffset AllocatedAt { get; private set; }
    public AuditStatus Status { get; private set; }
    public DateTimeOffset? DraftSavedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public AuditGrade? Grade { get; private set; }
    public string? GradeRationale { get; private set; }
    public string? Strengths { get; private set; }
    public string? HigherGradeAdvice { get; private set; }

    public IReadOnlyCollection<AuditAnswer> Answers => _answers;
    public IReadOnlyCollection<LearningPoint> LearningPoints => _learningPoints;
    public IReadOnlyCollection<ConcernContact> ConcernContacts => _concernContacts;

    // "A person may have been left at risk, or a legal/statutory failing" (seed 000 §4.5).
    public string? RiskAlertDetails { get; private set; }
    public DateTimeOffset? RiskAlertRaisedAt { get; private set; }
    public DateTimeOffset? RiskAlertAcknowledgedAt { get; private set; }
    public Guid? RiskAlertAcknowledgedById { get; private set; }
    public string? RiskAlertAcknowledgedByName { get; private set; }
    public string? RiskAlertAcknowledgementNote { get; private set; }

    // Practice Quality review list (seed 004 "Requires improvement").
    public string? CorrectiveAction { get; private set; }
    public string? CorrectiveActionOwner { get; private set; }
    public DateOnly? CorrectiveActionDue { get; private set; }
    public DateTimeOffset? CorrectiveActionClosedAt { get; private set; }
    public string? CorrectiveActionClosureNote { get; private set; }

    public string? Reflection { get; private set; }
    public DateTimeOffset? ReflectionSubmittedAt { get; private set; }
    public DateOnly? ReflectiveConversationOn { get; private set; }
    public string? ReflectiveConversationNotes { get; private set; }
    public string? ReflectiveConversationBy { get; private set; }
    public string? PractitionerResponse { get; private set; }
    public DateTimeOffset? PractitionerRespondedAt { get; private set; }

    public Guid? ModeratorId { get; private set; }
    public string? ModeratorName { get; private set; }
    public DateTimeOffset? SelectedForModerationAt { get; private set; }
    public AuditGrade? ModeratedGrade { get; private set; }
    public bool? CriteriaAppliedConsistently { get; private set; }
    public bool? FeedbackConstructive { get; private set; }
    public string? ModerationNotes { get; private set; }
    public DateTimeOffset? ModeratedAt { get; private set; }

    public bool IsCompleted => Status == AuditStatus.Completed;
    public bool IsOnReviewList => IsCompleted && Grade == AuditGrade.RequiresImprovement;
    public bool HasOpenRiskAlert => RiskAlertRaisedAt is not null && RiskAlertAcknowledgedAt is null;

    /// <summary>
    /// The practitioner sees the grade and feedback only once the audit is complete and they have written
    /// their self-reflection, so the reflection is their own view, not a reaction to the grade.
    /// </summary>
    public bool OutcomeVisibleToPractitioner => IsCompleted && ReflectionSubmittedAt is not null;

    public void Reallocate(Guid auditorId, string auditorName)
    {
        if (IsCompleted)
            throw new DomainRuleException("A completed audit cannot be given to another auditor.");
        if (PractitionerUserId == auditorId)
            throw new DomainRuleException($"{auditorName} cannot audit their own work.");
        if (auditorId == AuditorId)
            throw new DomainRuleException($"This audit is already with {AuditorName}.");
        AuditorId = auditorId;
        AuditorName = Guard.RequiredText(auditorName, "Auditor", NameMaxLength);
    }

    /// <summary>
    /// Saves whatever the auditor has typed so far. Nothing is required yet: the form saves often so that
    /// nothing is lost; the rules for a finished audit apply on <see cref="Complete"/>.
    /// </summary>
    public void SaveDraft(AuditTemplate template, AuditDraft draft, Guid byUserId, DateTimeOffset at)
    {
        EnsureAuditor(byUserId);
        if (IsCompleted)
            throw new DomainRuleException("This audit is complete and can no longer be changed.");
        if (template.Id != TemplateId)
            throw new ArgumentException("That is not this audit's template.", nameof(template));
        var questions = template.ActiveQuestions.ToDictionary(q => q.Id);
        foreach (var input in draft.Answers)
        {
            if (!questions.ContainsKey(input.QuestionId))
                throw new DomainRuleException("An answer was given to a question that is not on this audit tool.");
            var comment = Guard.OptionalText(input.Comment, "Comment", CommentMaxLength);
            var existing = _answers.FirstOrDefault(a => a.QuestionId == input.QuestionId);
            if (existing is null)
                _answers.Add(new AuditAnswer(input.QuestionId, input.Value, comment));
            else
                existing.Set(input.Value, comment);
        }
        Grade = draft.Grade;
        GradeRationale = Guard.OptionalText(draft.GradeRationale, "Rationale for the grade", TextMaxLength);
        Strengths = Guard.OptionalText(draft.Strengths, "Strengths", TextMaxLength);
        HigherGradeAdvice = Guard.OptionalText(draft.HigherGradeAdvice, "What would achieve a higher grade", TextMaxLength);
        SetLearningPoints(draft.LearningPoints);
        Status = AuditStatus.InProgress;
        DraftSavedAt = at;
    }

    /// <summary>Everything that stops the audit being completed, in form order; empty when it can be.</summary>
    public IReadOnlyList<string> CompletionProblems(AuditTemplate template)
    {
        var problems = new List<string>();
        var answers = _answers.ToDictionary(a => a.QuestionId);
        var number = 0;
        foreach (var q in template.ActiveQuestions)
        {
            number++;
            answers.TryGetValue(q.Id, out var a);
            if (q.IsRequired && a?.Value is null)
                problems.Add($"Answer question {number}: \"{q.Text}\"");
            else if (q.CommentRequiredOnNo && a?.Value == AnswerValue.No && string.IsNullOrWhiteSpace(a.Comment))
                problems.Add($"Question {number} was answered No: add a comment explaining why.");
        }
        if (Grade is null)
            problems.Add("Choose a grade.");
        if (string.IsNullOrWhiteSpace(GradeRationale))
            problems.Add("Explain the rationale for the grade.");
        if (string.IsNullOrWhiteSpace(Strengths))
            problems.Add("Record the strengths of the work.");
        if (Grade is not AuditGrade.Outstanding && string.IsNullOrWhiteSpace(HigherGradeAdvice))
            problems.Add("Say what would achieve a higher grade.");
        if (Grade == AuditGrade.RequiresImprovement && _learningPoints.Count == 0)
            problems.Add("Work graded Requires improvement needs at least one learning point.");
        return problems;
    }

    public void Complete(AuditTemplate template, Guid byUserId, DateTimeOffset at)
    {
        EnsureAuditor(byUserId);
        if (IsCompleted)
            throw new DomainRuleException("This audit is already complete.");
        if (template.Id != TemplateId)
            throw new ArgumentException("That is not this audit's template.", nameof(template));
        var problems = CompletionProblems(template);
        if (problems.Count > 0)
            throw new DomainRuleException("The audit cannot be completed yet. " + string.Join(" ", problems.Select(p => p.EndsWith('.') ? p : p + ".")));
        Status = AuditStatus.Completed;
        CompletedAt = at;
    }

    /// <summary>Seed 004 escalation: the contact with the team manager (or the service manager) is noted in the audit.</summary>
    public ConcernContact RecordConcernContact(Guid byUserId, string contactName, ConcernContactRole role, DateTimeOffset contactedAt, string outcome, DateTimeOffset at)
    {
        EnsureAuditor(byUserId);
        if (contactedAt > at)
            throw new DomainRuleException("The contact cannot be in the future.");
        var contact = new ConcernContact(Guard.RequiredText(contactName, "Who you contacted", NameMaxLength), role, contactedAt,
            Guard.RequiredText(outcome, "Outcome of the contact", CommentMaxLength), at);
        _concernContacts.Add(contact);
        return contact;
    }

    /// <summary>Seed 000 §4.5: someone may have been left at risk, or there may be a legal/statutory failing.</summary>
    public void RaiseRiskAlert(Guid byUserId, string details, DateTimeOffset at)
    {
        EnsureAuditor(byUserId);
        if (RiskAlertRaisedAt is not null)
            throw new DomainRuleException("An alert has already been raised on this audit.");
        RiskAlertDetails = Guard.RequiredText(details, "What the concern is", TextMaxLength);
        RiskAlertRaisedAt = at;
    }

    public void AcknowledgeRiskAlert(Guid byUserId, string byName, string? note, DateTimeOffset at)
    {
        if (RiskAlertRaisedAt is null)
            throw new DomainRuleException("No alert has been raised on this audit.");
        if (RiskAlertAcknowledgedAt is not null)
            throw new DomainRuleException($"This alert was already acknowledged by {RiskAlertAcknowledgedByName}.");
        if (byUserId == AuditorId)
            throw new DomainRuleException("The auditor who raised the alert cannot acknowledge it.");
        RiskAlertAcknowledgedAt = at;
        RiskAlertAcknowledgedById = byUserId;
        RiskAlertAcknowledgedByName = Guard.RequiredText(byName, "Name", NameMaxLength);
        RiskAlertAcknowledgementNote = Guard.OptionalText(note, "Note", CommentMaxLength);
    }

    public void SetCorrectiveAction(string action, string owner, DateOnly due, DateOnly today)
    {
        if (!IsOnReviewList)
            throw new DomainRuleException("Corrective action is recorded for completed audits graded Requires improvement.");
        if (CorrectiveActionClosedAt is not null)
            throw new DomainRuleException("The corrective action has been closed.");
        if (due < today)
            throw new DomainRuleException("The due date cannot be in the past.");
        CorrectiveAction = Guard.RequiredText(action, "Corrective action", TextMaxLength);
        CorrectiveActionOwner = Guard.RequiredText(owner, "Owner", NameMaxLength);
        CorrectiveActionDue = due;
    }

    public void CloseCorrectiveAction(string note, DateTimeOffset at)
    {
        if (CorrectiveAction is null)
            throw new DomainRuleException("Set a corrective action before closing it.");
        if (CorrectiveActionClosedAt is not null)
            throw new DomainRuleException("The corrective action is already closed.");
        CorrectiveActionClosureNote = Guard.RequiredText(note, "What was done", CommentMaxLength);
        CorrectiveActionClosedAt = at;
    }

    /// <summary>"Open", "Overdue", "Closed" or "No action set" for the review list.</summary>
    public string CorrectiveActionStatus(DateOnly today) =>
        CorrectiveAction is null ? "No action set"
        : CorrectiveActionClosedAt is not null ? "Closed"
        : CorrectiveActionDue < today ? "Overdue"
        : "Open";

    public void SubmitReflection(Guid byUserId, string reflection, DateTimeOffset at)
    {
        EnsurePractitioner(byUserId, "write the self-reflection");
        if (ReflectionSubmittedAt is not null)
            throw new DomainRuleException("Your self-reflection has already been submitted.");
        Reflection = Guard.RequiredText(reflection, "Self-reflection", TextMaxLength);
        ReflectionSubmittedAt = at;
    }

    /// <summary>The line manager records the reflective conversation about the feedback (seed 004).</summary>
    public void RecordReflectiveConversation(Guid byUserId, string byName, DateOnly on, string notes, DateOnly today)
    {
        if (!IsCompleted)
            throw new DomainRuleException("The reflective conversation follows a completed audit.");
        if (byUserId == PractitionerUserId)
            throw new DomainRuleException("The reflective conversation is recorded by the line manager, not the practitioner.");
        if (on > today)
            throw new DomainRuleException("The conversation date cannot be in the future.");
        if (CompletedAt is { } completed && on < DateOnly.FromDateTime(completed.UtcDateTime))
            throw new DomainRuleException("The conversation cannot be before the audit was completed.");
        ReflectiveConversationOn = on;
        ReflectiveConversationNotes = Guard.RequiredText(notes, "Notes of the conversation", TextMaxLength);
        ReflectiveConversationBy = Guard.RequiredText(byName, "Name", NameMaxLength);
    }

    public void Respond(Guid byUserId, string response, DateTimeOffset at)
    {
        EnsurePractitioner(byUserId, "respond to the audit");
        if (!OutcomeVisibleToPractitioner)
            throw new DomainRuleException(IsCompleted
                ? "Write your self-reflection first; then you can see the feedback and respond."
                : "You can respond once the audit is complete.");
        if (PractitionerRespondedAt is not null)
            throw new DomainRuleException("You have already responded to this audit.");
        PractitionerResponse = Guard.RequiredText(response, "Your response", TextMaxLength);
        PractitionerRespondedAt = at;
    }

    public void SelectForModeration(Guid moderatorId, string moderatorName, DateTimeOffset at)
    {
        if (!IsCompleted)
            throw new DomainRuleException("Only completed audits are moderated.");
        if (SelectedForModerationAt is not null)
            throw new DomainRuleException("This audit is already selected for moderation.");
        if (moderatorId == AuditorId)
            throw new DomainRuleException("An audit cannot be moderated by its own auditor.");
        ModeratorId = moderatorId;
        ModeratorName = Guard.RequiredText(moderatorName, "Moderator", NameMaxLength);
        SelectedForModerationAt = at;
    }

    public void RecordModeration(Guid byUserId, AuditGrade moderatedGrade, bool criteriaAppliedConsistently, bool feedbackConstructive, string? notes, DateTimeOffset at)
    {
        if (SelectedForModerationAt is null)
            throw new DomainRuleException("This audit was not selected for moderation.");
        if (byUserId != ModeratorId)
            throw new DomainRuleException($"This audit is for {ModeratorName} to moderate.");
        if (ModeratedAt is not null)
            throw new DomainRuleException("This audit has already been moderated.");
        if (moderatedGrade != Grade && string.IsNullOrWhiteSpace(notes))
            throw new DomainRuleException("Explain why the moderated grade differs from the auditor's grade.");
        ModeratedGrade = moderatedGrade;
        CriteriaAppliedConsistently = criteriaAppliedConsistently;
        FeedbackConstructive = feedbackConstructive;
        ModerationNotes = Guard.OptionalText(notes, "Moderation notes", TextMaxLength);
        ModeratedAt = at;
    }

    private void SetLearningPoints(IReadOnlyList<LearningPointInput> inputs)
    {
        var cleaned = inputs.Where(p => !string.IsNullOrWhiteSpace(p.Text)).ToList();
        if (cleaned.Count > MaxLearningPoints)
            throw new DomainRuleException($"Record at most {MaxLearningPoints} learning points.");
        _learningPoints.Clear();
        var order = 0;
        foreach (var p in cleaned)
            _learningPoints.Add(new LearningPoint(++order, Guard.RequiredText(p.Text, "Learning point", LearningPointMaxLength), p.ThemeIds));
    }

    private void EnsureAuditor(Guid byUserId)
    {
        if (byUserId != AuditorId)
            throw new DomainRuleException($"Only the allocated auditor ({AuditorName}) can change this audit.");
    }

    private void EnsurePractitioner(Guid byUserId, string action)
    {
        if (PractitionerUserId is null || byUserId != PractitionerUserId)
            throw new DomainRuleException($"Only the practitioner whose work was audited can {action}.");
    }
}

public sealed class AuditAnswer
{
    private AuditAnswer() { }

    internal AuditAnswer(Guid questionId, AnswerValue? value, string? comment)
    {
        QuestionId = questionId;
        Value = value;
        Comment = comment;
    }

    public Guid QuestionId { get; private set; }
    public AnswerValue? Value { get; private set; }
    public string? Comment { get; private set; }

    internal void Set(AnswerValue? value, string? comment)
    {
        Value = value;
        Comment = comment;
    }
}

public sealed class LearningPoint
{
    private LearningPoint() { Text = ""; ThemeList = ""; }

    internal LearningPoint(int order, string text, IEnumerable<Guid> themeIds)
    {
        Order = order;
        Text = text;
        ThemeList = string.Join(",", themeIds.Distinct().Select(t => t.ToString("D")));
    }

    public int Order { get; private set; }
    public string Text { get; private set; }

    /// <summary>The theme ids, comma-separated (stored as one column; reports split it).</summary>
    public string ThemeList { get; private set; }

    public IReadOnlyList<Guid> ThemeIds =>
        ThemeList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}

public sealed class ConcernContact
{
    private ConcernContact() { ContactName = ""; Outcome = ""; }

    internal ConcernContact(string contactName, ConcernContactRole role, DateTimeOffset contactedAt, string outcome, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        ContactName = contactName;
        Role = role;
        ContactedAt = contactedAt;
        Outcome = outcome;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public string ContactName { get; private set; }
    public ConcernContactRole Role { get; private set; }
    public DateTimeOffset ContactedAt { get; private set; }
    public string Outcome { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
