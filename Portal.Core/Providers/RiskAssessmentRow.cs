namespace Portal.Core.Providers;

/// <summary>
/// One row of the MDMM risk assessment (Appendix Five): Date Agreed, Issues, Risks, Action Plan/ Actions
/// Reviewed, Date Reviewed, Sign Off. The template is used at every meeting; a row is reviewed at later
/// meetings until the chair signs it off, after which it is read-only. Every edit is in the audit trail.
/// </summary>
public sealed class RiskAssessmentRow
{
    public const int TextMaxLength = 4000;

    private RiskAssessmentRow() { Issues = ""; Risks = ""; ActionPlan = ""; }

    internal RiskAssessmentRow(Guid processId, Guid meetingId, DateOnly dateAgreed, string issues, string risks, string actionPlan)
    {
        Id = Guid.NewGuid();
        ProcessId = processId;
        MeetingId = meetingId;
        DateAgreed = dateAgreed;
        Issues = ""; Risks = ""; ActionPlan = "";
        SetText(issues, risks, actionPlan);
    }

    public Guid Id { get; private set; }
    public Guid ProcessId { get; private set; }

    /// <summary>The meeting at which the row was agreed.</summary>
    public Guid MeetingId { get; private set; }
    public DateOnly DateAgreed { get; private set; }
    public string Issues { get; private set; }
    public string Risks { get; private set; }
    public string ActionPlan { get; private set; }
    public string? ActionsReviewed { get; private set; }
    public DateOnly? DateReviewed { get; private set; }
    public Guid? ReviewedAtMeetingId { get; private set; }
    public string? SignedOffBy { get; private set; }
    public DateTimeOffset? SignedOffAt { get; private set; }
    public bool IsSignedOff => SignedOffAt is not null;

    internal void Edit(string issues, string risks, string actionPlan)
    {
        RequireOpen();
        SetText(issues, risks, actionPlan);
    }

    internal void Review(Guid meetingId, DateOnly dateReviewed, string actionsReviewed)
    {
        RequireOpen();
        if (dateReviewed < DateAgreed)
            throw new DomainRuleException("A row cannot be reviewed before the date it was agreed.");
        ActionsReviewed = Guard.RequiredText(actionsReviewed, "Actions Reviewed", TextMaxLength);
        DateReviewed = dateReviewed;
        ReviewedAtMeetingId = meetingId;
    }

    internal void SignOff(string chairName, DateTimeOffset at)
    {
        RequireOpen();
        SignedOffBy = chairName;
        SignedOffAt = at;
    }

    private void RequireOpen()
    {
        if (IsSignedOff)
            throw new DomainRuleException($"This row was signed off by {SignedOffBy} on {SignedOffAt:d MMMM yyyy} and can no longer be changed.");
    }

    private void SetText(string issues, string risks, string actionPlan)
    {
        Issues = Guard.RequiredText(issues, "Issues", TextMaxLength);
        Risks = Guard.RequiredText(risks, "Risks", TextMaxLength);
        ActionPlan = Guard.RequiredText(actionPlan, "Action Plan", TextMaxLength);
    }
}
