using Xunit;
using Portal.Core;
using Portal.Core.Audits;
using static Portal.Tests.Core.Audits.AuditBuilders;

namespace Portal.Tests.Core.Audits;

public class CaseAuditTests
{
    [Fact]
    public void A_draft_can_be_saved_half_finished_and_saved_again()
    {
        var (audit, template, auditor, _) = AllocatedAudit();
        var q = template.ActiveQuestions[0];
        audit.SaveDraft(template, new([new(q.Id, AnswerValue.No, null)], null, null, null, null, []), auditor, Now);
        Assert.Equal(AuditStatus.InProgress, audit.Status);
        Assert.Equal(Now, audit.DraftSavedAt);
        audit.SaveDraft(template, new([new(q.Id, AnswerValue.Yes, "Seen in the notes")], AuditGrade.Good, null, null, null, []), auditor, Now.AddMinutes(1));
        var answer = Assert.Single(audit.Answers);
        Assert.Equal(AnswerValue.Yes, answer.Value);
        Assert.Equal("Seen in the notes", answer.Comment);
        Assert.Equal(AuditGrade.Good, audit.Grade);
    }

    [Fact]
    public void Only_the_allocated_auditor_can_change_the_audit()
    {
        var (audit, template, _, _) = AllocatedAudit();
        var ex = Assert.Throws<DomainRuleException>(() => audit.SaveDraft(template, FullDraft(template, AuditGrade.Good), Guid.NewGuid(), Now));
        Assert.Contains("Alex Morgan", ex.Message);
    }

    [Fact]
    public void An_auditor_cannot_be_allocated_their_own_work()
    {
        var template = PublishedTemplate();
        var practitioner = Guid.NewGuid();
        var (cycle, auditCase) = CycleWithSampledCase(template, practitioner);
        Assert.Throws<DomainRuleException>(() => new CaseAudit(cycle, template, auditCase, practitioner, "Priya Patel", Now));
    }

    [Fact]
    public void Completion_lists_every_missing_answer_grade_rationale_and_feedback()
    {
        var (audit, template, auditor, _) = AllocatedAudit();
        audit.SaveDraft(template, new([], null, null, null, null, []), auditor, Now);
        var problems = audit.CompletionProblems(template);
        Assert.Contains(problems, p => p.Contains("Was the person involved?"));
        Assert.Contains("Choose a grade.", problems);
        Assert.Contains("Explain the rationale for the grade.", problems);
        Assert.Contains("Say what would achieve a higher grade.", problems);
        var ex = Assert.Throws<DomainRuleException>(() => audit.Complete(template, auditor, Now));
        Assert.Contains("rationale", ex.Message);
        Assert.False(audit.IsCompleted);
    }

    [Fact]
    public void A_No_answer_needs_a_comment_where_the_question_says_so()
    {
        var (audit, template, auditor, _) = AllocatedAudit();
        audit.SaveDraft(template, FullDraft(template, AuditGrade.Adequate, AnswerValue.No), auditor, Now);
        Assert.Contains(audit.CompletionProblems(template), p => p.Contains("answered No"));
        audit.SaveDraft(template, FullDraft(template, AuditGrade.Adequate, AnswerValue.No, "No record of the person's views."), auditor, Now);
        audit.Complete(template, auditor, Now);
        Assert.True(audit.IsCompleted);
    }

    [Fact]
    public void A_completed_audit_cannot_be_changed()
    {
        var audit = CompletedAudit(out var template, out var auditor, out _);
        Assert.Throws<DomainRuleException>(() => audit.SaveDraft(template, FullDraft(template, AuditGrade.Outstanding), auditor, Now));
    }

    [Fact]
    public void The_practitioner_sees_the_outcome_only_after_writing_their_self_reflection()
    {
        var audit = CompletedAudit(out _, out _, out var practitioner);
        Assert.False(audit.OutcomeVisibleToPractitioner);
        var ex = Assert.Throws<DomainRuleException>(() => audit.Respond(practitioner, "Thank you", Now));
        Assert.Contains("self-reflection first", ex.Message);
        audit.SubmitReflection(practitioner, "I would record the carer's views more fully.", Now);
        Assert.True(audit.OutcomeVisibleToPractitioner);
        audit.Respond(practitioner, "I agree with the learning points.", Now);
        Assert.Equal("I agree with the learning points.", audit.PractitionerResponse);
    }

    [Fact]
    public void A_reflection_written_before_completion_still_withholds_the_grade_until_completion()
    {
        var (audit, template, auditor, practitioner) = AllocatedAudit();
        audit.SubmitReflection(practitioner, "My reflection.", Now);
        audit.SaveDraft(template, FullDraft(template, AuditGrade.Good), auditor, Now);
        Assert.False(audit.OutcomeVisibleToPractitioner);
        audit.Complete(template, auditor, Now);
        Assert.True(audit.OutcomeVisibleToPractitioner);
    }

    [Fact]
    public void Only_the_practitioner_writes_the_reflection_and_only_once()
    {
        var (audit, _, auditor, practitioner) = AllocatedAudit();
        Assert.Throws<DomainRuleException>(() => audit.SubmitReflection(auditor, "Not mine to write", Now));
        audit.SubmitReflection(practitioner, "Mine.", Now);
        Assert.Throws<DomainRuleException>(() => audit.SubmitReflection(practitioner, "Again", Now));
    }

    [Fact]
    public void The_line_manager_records_the_reflective_conversation_after_completion()
    {
        var (open, _, _, _) = AllocatedAudit();
        Assert.Throws<DomainRuleException>(() => open.RecordReflectiveConversation(Guid.NewGuid(), "Tom Evans", new(2026, 5, 2), "Notes", new(2026, 5, 2)));
        var audit = CompletedAudit(out _, out _, out var practitioner);
        Assert.Throws<DomainRuleException>(() => audit.RecordReflectiveConversation(practitioner, "Priya", new(2026, 5, 2), "Notes", new(2026, 5, 2)));
        Assert.Throws<DomainRuleException>(() => audit.RecordReflectiveConversation(Guid.NewGuid(), "Tom Evans", new(2026, 5, 9), "Notes", new(2026, 5, 2)));
        audit.RecordReflectiveConversation(Guid.NewGuid(), "Tom Evans", new(2026, 5, 2), "Talked through the learning points.", new(2026, 5, 2));
        Assert.Equal("Tom Evans", audit.ReflectiveConversationBy);
    }

    [Fact]
    public void Requires_improvement_puts_the_audit_on_the_review_list_with_a_tracked_corrective_action()
    {
        var good = CompletedAudit(out _, out _, out _, AuditGrade.Good);
        Assert.False(good.IsOnReviewList);
        Assert.Throws<DomainRuleException>(() => good.SetCorrectiveAction("Retrain", "Tom Evans", new(2026, 6, 1), new(2026, 5, 1)));

        var ri = CompletedAudit(out _, out _, out _, AuditGrade.RequiresImprovement);
        Assert.True(ri.IsOnReviewList);
        Assert.Equal("No action set", ri.CorrectiveActionStatus(new(2026, 5, 1)));
        ri.SetCorrectiveAction("Review the assessment with the person and record their views.", "Tom Evans", new(2026, 6, 1), new(2026, 5, 1));
        Assert.Equal("Open", ri.CorrectiveActionStatus(new(2026, 5, 20)));
        Assert.Equal("Overdue", ri.CorrectiveActionStatus(new(2026, 6, 2)));
        ri.CloseCorrectiveAction("Assessment revisited on 28 May.", Now);
        Assert.Equal("Closed", ri.CorrectiveActionStatus(new(2026, 6, 2)));
        Assert.Throws<DomainRuleException>(() => ri.CloseCorrectiveAction("Again", Now));
    }

    [Fact]
    public void Requires_improvement_cannot_be_completed_without_a_learning_point()
    {
        var (audit, template, auditor, _) = AllocatedAudit();
        audit.SaveDraft(template, FullDraft(template, AuditGrade.RequiresImprovement) with { LearningPoints = [] }, auditor, Now);
        Assert.Contains(audit.CompletionProblems(template), p => p.Contains("learning point"));
    }

    [Fact]
    public void Outstanding_work_needs_no_higher_grade_advice()
    {
        var (audit, template, auditor, _) = AllocatedAudit();
        audit.SaveDraft(template, FullDraft(template, AuditGrade.Outstanding), auditor, Now);
        Assert.Empty(audit.CompletionProblems(template));
    }

    [Fact]
    public void Practice_concern_contacts_are_recorded_by_the_auditor_with_who_when_and_outcome()
    {
        var (audit, _, auditor, _) = AllocatedAudit();
        Assert.Throws<DomainRuleException>(() => audit.RecordConcernContact(auditor, "Tom Evans", ConcernContactRole.TeamManager, Now.AddDays(1), "Agreed", Now));
        Assert.Throws<DomainRuleException>(() => audit.RecordConcernContact(auditor, "Tom Evans", ConcernContactRole.TeamManager, Now, " ", Now));
        audit.RecordConcernContact(auditor, "Sam Hughes", ConcernContactRole.ServiceManager, Now.AddHours(-1), "Team manager on leave; Sam will review today.", Now);
        var contact = Assert.Single(audit.ConcernContacts);
        Assert.Equal(ConcernContactRole.ServiceManager, contact.Role);
    }

    [Fact]
    public void A_risk_alert_is_raised_once_and_acknowledged_by_someone_other_than_the_auditor()
    {
        var (audit, _, auditor, _) = AllocatedAudit();
        audit.RaiseRiskAlert(auditor, "No follow-up was arranged after the assessment did not progress.", Now);
        Assert.True(audit.HasOpenRiskAlert);
        Assert.Throws<DomainRuleException>(() => audit.RaiseRiskAlert(auditor, "Again", Now));
        Assert.Throws<DomainRuleException>(() => audit.AcknowledgeRiskAlert(auditor, "Alex Morgan", null, Now));
        var lead = Guid.NewGuid();
        audit.AcknowledgeRiskAlert(lead, "Nadia Osei", "Spoke to the team; follow-up booked.", Now.AddMinutes(20));
        Assert.False(audit.HasOpenRiskAlert);
        Assert.Equal("Nadia Osei", audit.RiskAlertAcknowledgedByName);
        Assert.Throws<DomainRuleException>(() => audit.AcknowledgeRiskAlert(Guid.NewGuid(), "Someone", null, Now));
    }

    [Fact]
    public void Moderation_is_by_the_chosen_moderator_never_the_auditor_and_explains_a_changed_grade()
    {
        var audit = CompletedAudit(out _, out var auditor, out _, AuditGrade.Good);
        Assert.Throws<DomainRuleException>(() => audit.SelectForModeration(auditor, "Alex Morgan", Now));
        var moderator = Guid.NewGuid();
        audit.SelectForModeration(moderator, "Grace Okafor", Now);
        Assert.Throws<DomainRuleException>(() => audit.RecordModeration(Guid.NewGuid(), AuditGrade.Good, true, true, null, Now));
        Assert.Throws<DomainRuleException>(() => audit.RecordModeration(moderator, AuditGrade.Adequate, false, true, null, Now));
        audit.RecordModeration(moderator, AuditGrade.Adequate, false, true, "Little evidence of the person's voice.", Now);
        Assert.Equal(AuditGrade.Adequate, audit.ModeratedGrade);
        Assert.Throws<DomainRuleException>(() => audit.RecordModeration(moderator, AuditGrade.Good, true, true, null, Now));
    }

    [Fact]
    public void An_audit_still_in_progress_cannot_go_to_moderation()
    {
        var (audit, _, _, _) = AllocatedAudit();
        Assert.Throws<DomainRuleException>(() => audit.SelectForModeration(Guid.NewGuid(), "Grace", Now));
    }

    [Fact]
    public void The_grade_descriptors_are_the_frameworks_words()
    {
        Assert.Equal("Requires improvement", AuditGrade.RequiresImprovement.Describe());
        Assert.Contains("Outcomes are clearly defined.", AuditGrade.Good.Descriptors());
        Assert.Contains("Quality of recording could be improved", AuditGrade.Adequate.Descriptors());
        Assert.Equal(AuditGrade.Outstanding, AuditGrades.Parse("outstanding"));
        Assert.True(AuditGrade.Good.IsGoodOrBetter());
        Assert.False(AuditGrade.Adequate.IsGoodOrBetter());
    }
}
