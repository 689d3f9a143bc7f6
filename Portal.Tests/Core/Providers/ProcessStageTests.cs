using Xunit;
using Portal.Core;
using Portal.Core.Providers;
using static Portal.Tests.Core.Providers.ProcessBuilder;

namespace Portal.Tests.Core.Providers;

public class ProcessStageTests
{
    private static readonly (ProcessStage From, ProcessStage To)[] SeedTransitions =
    [
        (ProcessStage.Prevention, ProcessStage.QualityAssurance),
        (ProcessStage.Prevention, ProcessStage.Resolved),
        (ProcessStage.QualityAssurance, ProcessStage.MultiAgencyDecision),
        (ProcessStage.QualityAssurance, ProcessStage.Resolved),
        (ProcessStage.MultiAgencyDecision, ProcessStage.SafetyAndImprovement),
        (ProcessStage.MultiAgencyDecision, ProcessStage.QualityAssurance),
        (ProcessStage.SafetyAndImprovement, ProcessStage.Closure),
        (ProcessStage.Closure, ProcessStage.ReflectionAndLearning),
        (ProcessStage.ReflectionAndLearning, ProcessStage.Completed),
    ];

    [Fact]
    public void Only_the_transitions_the_seed_describes_are_allowed()
    {
        foreach (var from in Enum.GetValues<ProcessStage>())
        foreach (var to in Enum.GetValues<ProcessStage>())
            Assert.True(SeedTransitions.Contains((from, to)) == ProcessStages.CanMove(from, to), $"{from} → {to}");
    }

    [Fact]
    public void A_new_process_starts_in_prevention_with_its_first_decision_logged()
    {
        var p = InPrevention();
        Assert.Equal(ProcessStage.Prevention, p.Stage);
        Assert.Single(p.Decisions);
        Assert.True(p.IsOpen);
    }

    [Fact]
    public void Concerns_cannot_skip_quality_assurance_and_go_straight_to_an_MDMM()
    {
        var p = InPrevention();
        var ex = Assert.Throws<DomainRuleException>(() => p.EscalateToMdmm(new DateOnly(2026, 1, 6), "Serious.", Officer));
        Assert.Contains("cannot move from Prevention", ex.Message);
    }

    [Fact]
    public void Concerns_remedied_in_prevention_are_resolved_without_escalation()
    {
        var p = InPrevention();
        p.Resolve(new DateOnly(2026, 1, 20), "Manager put night checks in place.", Officer);
        Assert.Equal(ProcessStage.Resolved, p.Stage);
        Assert.False(p.IsOpen);
        Assert.Throws<DomainRuleException>(() => p.EscalateToQualityAssurance(new DateOnly(2026, 1, 21), "Again.", Officer));
    }

    [Fact]
    public void Escalating_to_an_MDMM_needs_two_QAMs_held_first()
    {
        var p = InQualityAssurance();
        HoldQam(p, new DateTime(2026, 2, 2, 10, 0, 0));
        var ex = Assert.Throws<DomainRuleException>(() => p.EscalateToMdmm(new DateOnly(2026, 2, 3), "Not remedied.", Officer));
        Assert.Contains("1 held", ex.Message);
        HoldQam(p, new DateTime(2026, 3, 2, 10, 0, 0));
        p.EscalateToMdmm(new DateOnly(2026, 3, 3), "Not remedied.", Officer);
        Assert.Equal(ProcessStage.MultiAgencyDecision, p.Stage);
    }

    [Fact]
    public void Closing_at_QAM_stage_needs_the_second_QAM_that_closes_the_process_down()
    {
        var p = InQualityAssurance();
        Assert.Throws<DomainRuleException>(() => p.Resolve(new DateOnly(2026, 1, 30), "Remedied.", Officer));
        HoldQam(p, new DateTime(2026, 2, 2, 10, 0, 0));
        HoldQam(p, new DateTime(2026, 3, 2, 10, 0, 0));
        p.Resolve(new DateOnly(2026, 3, 2), "Remedied; second QAM closed the process down.", Officer);
        Assert.Equal(ProcessStage.Resolved, p.Stage);
        Assert.Equal(new DateOnly(2026, 3, 2), p.ClosedOn);
    }

    [Fact]
    public void A_second_meeting_cannot_be_arranged_while_one_is_still_waiting_to_be_held()
    {
        var p = InQualityAssurance();
        p.ScheduleMeeting(MeetingKind.QualityAssurance, new DateTime(2026, 2, 2, 10, 0, 0), "Farnham House", Officer, null, Calendar);
        var ex = Assert.Throws<DomainRuleException>(() =>
            p.ScheduleMeeting(MeetingKind.QualityAssurance, new DateTime(2026, 3, 2, 10, 0, 0), "Farnham House", Officer, null, Calendar));
        Assert.Contains("has not been recorded as held", ex.Message);
    }

    [Fact]
    public void A_meeting_cannot_be_recorded_as_held_before_its_date()
    {
        var p = InQualityAssurance();
        var m = p.ScheduleMeeting(MeetingKind.QualityAssurance, new DateTime(2026, 2, 2, 10, 0, 0), "Farnham House", Officer, null, Calendar);
        Assert.Throws<DomainRuleException>(() => p.MarkMeetingHeld(m.Id, new DateOnly(2026, 2, 1)));
        p.MarkMeetingHeld(m.Id, new DateOnly(2026, 2, 2));
        Assert.Equal(new DateOnly(2026, 2, 2), m.HeldOn);
    }

    [Fact]
    public void A_meeting_of_the_wrong_stage_cannot_be_arranged()
    {
        var p = InQualityAssurance();
        Assert.Throws<DomainRuleException>(() =>
            p.ScheduleMeeting(MeetingKind.MultiAgencyDecision, new DateTime(2026, 2, 2, 10, 0, 0), "Farnham House", Officer, null, Calendar));
        Assert.Throws<DomainRuleException>(() =>
            p.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, new DateTime(2026, 2, 2, 10, 0, 0), "Farnham House", Officer, null, Calendar));
    }

    [Fact]
    public void The_MDMM_cannot_decide_the_threshold_without_the_four_roles_of_section_5_iii()
    {
        var p = AtMdmm();
        var m = p.ScheduleMeeting(MeetingKind.MultiAgencyDecision, new DateTime(2026, 3, 10, 14, 0, 0), "Farnham House", ProcessChair, null, Calendar);
        m.AddAttendee(ProcessChair, "ACS", MdmmQuorumRole.AcsHeadOfServiceCommissioning);
        m.AddAttendee("Olu Ade", "ACS", MdmmQuorumRole.AcsHeadOfOperations);
        m.AddAttendee("Chris Lane", "CCG", MdmmQuorumRole.CcgHeadOfAdultSafeguarding);
        m.AddAttendee("Pat Kerr", "GP", null);
        p.MarkMeetingHeld(m.Id, new DateOnly(2026, 3, 10));
        p.AddThresholdEvidence(ThresholdIndicator.SignificantWhistleblowing, "Night staff whistleblowing.", Officer, new DateOnly(2026, 3, 10));

        var ex = Assert.Throws<DomainRuleException>(() => p.RecordThresholdDecision(m.Id, true, "Risk.", ProcessChair, Officer));
        Assert.Contains("HPFT – Service Line Lead/ Consultant Nurse", ex.Message);
        Assert.DoesNotContain("CCG – Head of Adult Safeguarding", ex.Message);
        Assert.Equal(ProcessStage.MultiAgencyDecision, p.Stage);

        m.AddAttendee("Jo Reid", "HPFT", MdmmQuorumRole.HpftServiceLineLeadOrConsultantNurse);
        p.RecordThresholdDecision(m.Id, true, "Risk.", ProcessChair, Officer);
        Assert.Equal(ProcessStage.SafetyAndImprovement, p.Stage);
    }

    [Fact]
    public void The_same_quorum_role_cannot_be_filled_twice_and_only_at_an_MDMM()
    {
        var p = AtMdmm();
        var m = p.ScheduleMeeting(MeetingKind.MultiAgencyDecision, new DateTime(2026, 3, 10, 14, 0, 0), "Farnham House", ProcessChair, null, Calendar);
        m.AddAttendee("Olu Ade", "ACS", MdmmQuorumRole.AcsHeadOfOperations);
        Assert.Throws<DomainRuleException>(() => m.AddAttendee("Someone Else", "ACS", MdmmQuorumRole.AcsHeadOfOperations));
        Assert.Throws<DomainRuleException>(() => m.AddAttendee("olu ade", null, null));

        var q = InQualityAssurance();
        var qam = q.ScheduleMeeting(MeetingKind.QualityAssurance, new DateTime(2026, 2, 2, 10, 0, 0), "Farnham House", Officer, null, Calendar);
        Assert.Throws<DomainRuleException>(() => qam.AddAttendee("Olu Ade", "ACS", MdmmQuorumRole.AcsHeadOfOperations));
    }

    [Fact]
    public void A_threshold_cannot_be_met_without_evidence_against_the_indicators()
    {
        var p = AtMdmm();
        var m = HeldMdmmWithQuorum(p, new DateTime(2026, 3, 10, 14, 0, 0));
        var ex = Assert.Throws<DomainRuleException>(() => p.RecordThresholdDecision(m.Id, true, "Risk.", ProcessChair, Officer));
        Assert.Contains("evidence", ex.Message);
    }

    [Fact]
    public void Threshold_met_triggers_the_process_on_the_MDMM_date_with_a_chair()
    {
        var p = Triggered();
        Assert.Equal(ProcessStage.SafetyAndImprovement, p.Stage);
        Assert.Equal(new DateOnly(2026, 3, 10), p.TriggeredOn);
        Assert.Equal(ProcessChair, p.ProcessChairName);
        Assert.Contains(p.Decisions, d => d.Text.StartsWith("Threshold met"));
    }

    [Fact]
    public void Threshold_not_met_returns_to_QAMs_led_by_commissioners_which_start_a_new_round()
    {
        var p = AtMdmm();
        var m = HeldMdmmWithQuorum(p, new DateTime(2026, 3, 10, 14, 0, 0));
        p.RecordThresholdDecision(m.Id, false, "Improvements are under way.", null, Officer);

        Assert.Equal(ProcessStage.QualityAssurance, p.Stage);
        Assert.True(p.LedByCommissioners);
        Assert.Null(p.TriggeredOn);
        Assert.Equal(0, p.QamsHeldThisRound);
        Assert.Throws<DomainRuleException>(() => p.EscalateToMdmm(new DateOnly(2026, 3, 11), "Again.", Officer));
    }

    [Fact]
    public void A_reconvened_meeting_needs_the_first_meeting_held()
    {
        var p = Triggered();
        Assert.Throws<DomainRuleException>(() =>
            p.ScheduleMeeting(MeetingKind.SafetyAndImprovementReconvened, new DateTime(2026, 3, 20, 10, 0, 0), "Farnham House", ProcessChair, null, Calendar));
        HoldFirstMeeting(p, new DateTime(2026, 3, 20, 10, 0, 0));
        Assert.Throws<DomainRuleException>(() =>
            p.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, new DateTime(2026, 4, 20, 10, 0, 0), "Farnham House", ProcessChair, null, Calendar));
        var reconvened = p.ScheduleMeeting(MeetingKind.SafetyAndImprovementReconvened, new DateTime(2026, 4, 20, 10, 0, 0), "Farnham House", ProcessChair, null, Calendar);
        Assert.Equal(MeetingKind.SafetyAndImprovementReconvened, reconvened.Kind);
    }

    [Fact]
    public void The_process_is_concluded_only_by_a_decision_at_a_held_Safety_and_Improvement_meeting()
    {
        var p = Triggered();
        var mdmm = p.Meetings.Single(m => m.Kind == MeetingKind.MultiAgencyDecision);
        Assert.Throws<DomainRuleException>(() => p.Conclude(mdmm.Id, "Done.", Officer));
        var first = HoldFirstMeeting(p, new DateTime(2026, 3, 20, 10, 0, 0));
        p.Conclude(first.Id, "Concerns addressed.", Officer);
        Assert.Equal(ProcessStage.Closure, p.Stage);
        Assert.Equal(new DateOnly(2026, 3, 20), p.ConcludedOn);
        Assert.Contains("multi-agency decision", first.Decisions);
    }

    [Fact]
    public void Reflection_and_Learning_refuses_the_chair_of_the_process()
    {
        var p = Concluded();
        var ex = Assert.Throws<DomainRuleException>(() =>
            p.ScheduleMeeting(MeetingKind.ReflectionAndLearning, new DateTime(2026, 6, 1, 10, 0, 0), "Farnham House", "  sam   HUGHES ", null, Calendar));
        Assert.Contains("must not have been the Chair", ex.Message);
        Assert.Equal(ProcessStage.Closure, p.Stage);

        p.ScheduleMeeting(MeetingKind.ReflectionAndLearning, new DateTime(2026, 6, 1, 10, 0, 0), "Farnham House", "Dana Independent", null, Calendar);
        Assert.Equal(ProcessStage.ReflectionAndLearning, p.Stage);
    }

    [Fact]
    public void Reflection_and_Learning_later_than_one_month_after_conclusion_needs_a_reason()
    {
        var p = Concluded();
        Assert.Equal(new DateOnly(2026, 6, 15), p.ReflectionDueOn);
        var ex = Assert.Throws<DomainRuleException>(() =>
            p.ScheduleMeeting(MeetingKind.ReflectionAndLearning, new DateTime(2026, 6, 16, 10, 0, 0), "Farnham House", "Dana Independent", null, Calendar));
        Assert.Contains("15 June 2026", ex.Message);
        var m = p.ScheduleMeeting(MeetingKind.ReflectionAndLearning, new DateTime(2026, 6, 16, 10, 0, 0), "Farnham House", "Dana Independent",
            "The provider's director is on leave until 16 June.", Calendar);
        Assert.NotNull(m.LateReason);
    }

    [Fact]
    public void The_process_completes_with_the_outcomes_letter_after_the_reflection_meeting()
    {
        var p = Concluded();
        var m = p.ScheduleMeeting(MeetingKind.ReflectionAndLearning, new DateTime(2026, 6, 1, 10, 0, 0), "Farnham House", "Dana Independent", null, Calendar);
        Assert.Throws<DomainRuleException>(() => p.Complete(new DateOnly(2026, 6, 1), Officer));
        p.MarkMeetingHeld(m.Id, new DateOnly(2026, 6, 1));
        Assert.Throws<DomainRuleException>(() => p.Complete(new DateOnly(2026, 5, 31), Officer));
        p.Complete(new DateOnly(2026, 6, 5), Officer);
        Assert.Equal(ProcessStage.Completed, p.Stage);
        Assert.Equal(new DateOnly(2026, 6, 5), p.OutcomesLetterSentOn);
        Assert.False(p.IsOpen);
    }

    [Fact]
    public void The_provider_is_informed_after_the_MDMM_not_before()
    {
        var p = AtMdmm();
        var m = HeldMdmmWithQuorum(p, new DateTime(2026, 3, 10, 14, 0, 0));
        Assert.Throws<DomainRuleException>(() => m.RecordProviderInformed(new DateOnly(2026, 3, 9)));
        m.RecordProviderInformed(new DateOnly(2026, 3, 11));
        Assert.Equal(new DateOnly(2026, 3, 11), m.ProviderInformedOn);
    }
}
