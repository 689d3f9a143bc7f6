using Xunit;
using Portal.Core;
using Portal.Core.Providers;
using static Portal.Tests.Core.Providers.ProcessBuilder;

namespace Portal.Tests.Core.Providers;

public class RiskAndChecklistTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_the_chair_can_sign_off_a_risk_row_and_the_name_and_time_are_recorded()
    {
        var p = Triggered();
        var mdmm = p.Meetings.Single(m => m.Kind == MeetingKind.MultiAgencyDecision);
        var row = p.AddRiskRow(mdmm.Id, new DateOnly(2026, 3, 10), "Number of safeguarding issues", "Residents mobilising without carers and falling",
            "Review team to go out and complete review of care plans and identify risk assessments");

        var ex = Assert.Throws<DomainRuleException>(() => p.SignOffRiskRow(row.Id, "Beth Clarke", Noon));
        Assert.Contains(ProcessChair, ex.Message);
        Assert.False(row.IsSignedOff);

        p.SignOffRiskRow(row.Id, ProcessChair, Noon);
        Assert.Equal(ProcessChair, row.SignedOffBy);
        Assert.Equal(Noon, row.SignedOffAt);
    }

    [Fact]
    public void A_signed_off_row_is_read_only()
    {
        var p = Triggered();
        var mdmm = p.Meetings.Single(m => m.Kind == MeetingKind.MultiAgencyDecision);
        var first = HoldFirstMeeting(p, new DateTime(2026, 3, 20, 10, 0, 0));
        var row = p.AddRiskRow(mdmm.Id, new DateOnly(2026, 3, 10), "Falls", "Injury", "Review care plans");
        p.ReviewRiskRow(row.Id, first.Id, new DateOnly(2026, 3, 20), "Reviews completed. Action for Home to update care plans");
        Assert.Equal(new DateOnly(2026, 3, 20), row.DateReviewed);
        p.SignOffRiskRow(row.Id, ProcessChair, Noon);

        Assert.Throws<DomainRuleException>(() => p.EditRiskRow(row.Id, "Falls", "Injury", "Changed"));
        Assert.Throws<DomainRuleException>(() => p.ReviewRiskRow(row.Id, first.Id, new DateOnly(2026, 3, 21), "More"));
        Assert.Throws<DomainRuleException>(() => p.SignOffRiskRow(row.Id, ProcessChair, Noon));
        Assert.Equal("Review care plans", row.ActionPlan);
    }

    [Fact]
    public void Risk_rows_belong_to_the_MDMM_and_Safety_and_Improvement_meetings_only()
    {
        var p = Triggered();
        var qam = p.Meetings.First(m => m.Kind == MeetingKind.QualityAssurance);
        Assert.Throws<DomainRuleException>(() => p.AddRiskRow(qam.Id, new DateOnly(2026, 3, 10), "Falls", "Injury", "Plan"));
        var mdmm = p.Meetings.Single(m => m.Kind == MeetingKind.MultiAgencyDecision);
        Assert.Throws<DomainRuleException>(() => p.AddRiskRow(mdmm.Id, new DateOnly(2026, 3, 9), "Falls", "Injury", "Plan"));
        Assert.Throws<DomainRuleException>(() => p.AddRiskRow(mdmm.Id, new DateOnly(2026, 3, 10), " ", "Injury", "Plan"));
    }

    [Fact]
    public void A_row_cannot_be_reviewed_before_it_was_agreed()
    {
        var p = Triggered();
        var mdmm = p.Meetings.Single(m => m.Kind == MeetingKind.MultiAgencyDecision);
        var row = p.AddRiskRow(mdmm.Id, new DateOnly(2026, 3, 12), "Falls", "Injury", "Plan");
        Assert.Throws<DomainRuleException>(() => p.ReviewRiskRow(row.Id, mdmm.Id, new DateOnly(2026, 3, 11), "Reviewed"));
    }

    [Fact]
    public void The_checklist_has_the_sixteen_actions_of_Appendix_Four_word_for_word()
    {
        Assert.Equal(16, MeetingChecklist.Actions.Count);
        Assert.Equal("Senior Management – Need to Know", MeetingChecklist.Actions[0]);
        Assert.Equal("Agree a multi-agency protection/action plan", MeetingChecklist.Actions[^1]);
        Assert.Contains("Briefing paper for Chief Executive and or Elected Members, Chair of HSAB", MeetingChecklist.Actions);
    }

    [Fact]
    public void Checklist_answers_are_kept_per_meeting_and_can_be_changed()
    {
        var p = Triggered();
        var mdmm = p.Meetings.Single(m => m.Kind == MeetingKind.MultiAgencyDecision);
        mdmm.AnswerChecklist(4, true, "Luton and Bedford told.");
        mdmm.AnswerChecklist(4, false, "Not yet.");
        mdmm.AnswerChecklist(7, null, null);
        Assert.Equal(2, mdmm.Checklist.Count);
        var answer = mdmm.Checklist.Single(c => c.ItemNumber == 4);
        Assert.False(answer.Yes);
        Assert.Equal("Not yet.", answer.Note);
        Assert.Throws<DomainRuleException>(() => mdmm.AnswerChecklist(17, true, null));
        Assert.Throws<DomainRuleException>(() => mdmm.AnswerChecklist(0, true, null));
    }

    [Fact]
    public void The_provider_sees_part_two_minutes_only()
    {
        var p = Triggered();
        var m = HoldFirstMeeting(p, new DateTime(2026, 3, 20, 10, 0, 0));
        m.RecordMinutes("Part one: reports from partners.", "Part two: provider's response.", null, null, Calendar);
        Assert.Equal("Part two: provider's response.", m.MinutesForProvider);
        Assert.True(m.HasTwoParts);
    }

    [Fact]
    public void A_meeting_held_in_one_part_gives_the_provider_no_minutes_and_has_no_part_two()
    {
        var p = Triggered();
        var m = HoldFirstMeeting(p, new DateTime(2026, 3, 20, 10, 0, 0));
        Assert.Throws<DomainRuleException>(() => m.HoldInOnePart(" "));
        m.HoldInOnePart("Including the provider would compromise a police investigation.");
        Assert.Throws<DomainRuleException>(() => m.RecordMinutes("All.", "Part two.", null, null, Calendar));
        m.RecordMinutes("All of the meeting.", null, null, null, Calendar);
        Assert.Null(m.MinutesForProvider);
    }

    [Fact]
    public void QAM_and_MDMM_minutes_have_no_part_two_and_minutes_wait_for_the_meeting()
    {
        var p = AtMdmm();
        var m = p.ScheduleMeeting(MeetingKind.MultiAgencyDecision, new DateTime(2026, 3, 10, 14, 0, 0), "Farnham House", ProcessChair, null, Calendar);
        Assert.Throws<DomainRuleException>(() => m.RecordMinutes("Early.", null, null, null, Calendar));
        p.MarkMeetingHeld(m.Id, new DateOnly(2026, 3, 10));
        Assert.Throws<DomainRuleException>(() => m.RecordMinutes("One.", "Two.", null, null, Calendar));
        Assert.Throws<DomainRuleException>(() => m.RecordMinutes(null, null, new DateOnly(2026, 3, 11), null, Calendar));
        m.RecordMinutes("Decision minutes.", null, new DateOnly(2026, 3, 11), null, Calendar);
        Assert.Null(m.MinutesForProvider);
    }

    [Fact]
    public void Threshold_evidence_uses_the_seven_indicators_word_for_word()
    {
        Assert.Equal(7, ThresholdIndicators.All.Count);
        Assert.Equal("There has been significant whistleblowing", ThresholdIndicator.SignificantWhistleblowing.Text());
        Assert.StartsWith("There is evidence from CQC inspection, CCG and /or local authority", ThresholdIndicator.InspectionOrMonitoringEvidence.Text());
        var p = InPrevention();
        Assert.Throws<DomainRuleException>(() =>
            p.AddThresholdEvidence(ThresholdIndicator.SignificantComplaint, "Complaint.", Officer, new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void The_quorum_roles_read_as_section_5_iii_lists_them()
    {
        Assert.Equal(
            ["ACS – Head of Service (Commissioning)", "ACS – Head of Operations (OPPD and CLDT)", "CCG – Head of Adult Safeguarding", "HPFT – Service Line Lead/ Consultant Nurse"],
            MdmmQuorum.Required.Select(r => r.Describe()).ToArray());
    }
}
