using Xunit;
using Portal.Core;
using Portal.Core.Calendar;
using Portal.Core.Providers;
using static Portal.Tests.Core.Providers.ProcessBuilder;

namespace Portal.Tests.Core.Providers;

public class DeadlineTests
{
    private static ProcessDeadline Find(QualityProcess p, DateOnly today, string titleStart) =>
        ProcessDeadlines.For(p, Calendar, today).Single(d => d.Title.StartsWith(titleStart, StringComparison.Ordinal));

    [Fact]
    public void Senior_management_must_be_told_at_least_two_weeks_before_a_QAM()
    {
        var p = InQualityAssurance();
        var m = p.ScheduleMeeting(MeetingKind.QualityAssurance, new DateTime(2026, 2, 16, 10, 0, 0), "Farnham House", Officer, null, Calendar);
        Assert.Equal(new DateOnly(2026, 2, 2), m.SeniorManagementNoticeDueOn);

        var ex = Assert.Throws<DomainRuleException>(() => m.RecordSeniorManagementTold(new DateOnly(2026, 2, 3)));
        Assert.Contains("2 February 2026", ex.Message);
        m.RecordSeniorManagementTold(new DateOnly(2026, 2, 2));
        Assert.Equal(DeadlineStatus.Done, Find(p, new DateOnly(2026, 2, 10), "Tell senior management").Status);
    }

    [Fact]
    public void A_QAM_cannot_be_moved_to_less_than_two_weeks_after_senior_management_were_told()
    {
        var p = InQualityAssurance();
        var m = p.ScheduleMeeting(MeetingKind.QualityAssurance, new DateTime(2026, 2, 16, 10, 0, 0), "Farnham House", Officer, null, Calendar);
        m.RecordSeniorManagementTold(new DateOnly(2026, 2, 1));
        Assert.Throws<DomainRuleException>(() => p.RescheduleMeeting(m.Id, new DateTime(2026, 2, 14, 10, 0, 0), "Farnham House", Officer, null, Calendar));
        p.RescheduleMeeting(m.Id, new DateTime(2026, 2, 15, 10, 0, 0), "Farnham House", Officer, null, Calendar);
        Assert.Equal(new DateOnly(2026, 2, 15), m.Date);
    }

    [Fact]
    public void Telling_senior_management_becomes_overdue_the_day_after_the_two_week_point()
    {
        var p = InQualityAssurance();
        p.ScheduleMeeting(MeetingKind.QualityAssurance, new DateTime(2026, 2, 16, 10, 0, 0), "Farnham House", Officer, null, Calendar);
        Assert.Equal(DeadlineStatus.DueSoon, Find(p, new DateOnly(2026, 2, 2), "Tell senior management").Status);
        Assert.Equal(DeadlineStatus.Overdue, Find(p, new DateOnly(2026, 2, 3), "Tell senior management").Status);
    }

    [Fact]
    public void The_providers_action_plan_is_due_48_hours_before_the_QAM_and_a_later_one_shows_as_late()
    {
        var p = InQualityAssurance();
        var m = p.ScheduleMeeting(MeetingKind.QualityAssurance, new DateTime(2026, 2, 18, 10, 0, 0), "Farnham House", Officer, null, Calendar);
        Assert.Equal(new DateTime(2026, 2, 16, 10, 0, 0), m.ProviderActionPlanDueAt);

        m.RecordProviderActionPlanReceived(new DateTime(2026, 2, 16, 10, 0, 0));
        Assert.Equal(DeadlineStatus.Done, Find(p, new DateOnly(2026, 2, 17), "Provider's action plan").Status);
        m.RecordProviderActionPlanReceived(new DateTime(2026, 2, 16, 10, 1, 0));
        Assert.Equal(DeadlineStatus.DoneLate, Find(p, new DateOnly(2026, 2, 17), "Provider's action plan").Status);
    }

    [Fact]
    public void Agreed_actions_are_due_one_week_after_the_QAM()
    {
        var p = InQualityAssurance();
        var m = HoldQam(p, new DateTime(2026, 2, 2, 10, 0, 0));
        Assert.Equal(new DateOnly(2026, 2, 9), m.ActionsDueOn);
        Assert.Equal(DeadlineStatus.DueSoon, Find(p, new DateOnly(2026, 2, 9), "Send agreed actions").Status);
        Assert.Equal(DeadlineStatus.Overdue, Find(p, new DateOnly(2026, 2, 10), "Send agreed actions").Status);
        Assert.Throws<DomainRuleException>(() => m.RecordActionsSent(new DateOnly(2026, 2, 1)));
        m.RecordActionsSent(new DateOnly(2026, 2, 10));
        Assert.Equal(DeadlineStatus.DoneLate, Find(p, new DateOnly(2026, 2, 11), "Send agreed actions").Status);
    }

    [Fact]
    public void The_first_meeting_is_due_within_10_working_days_of_the_trigger()
    {
        var p = Triggered();
        Assert.Equal(new DateOnly(2026, 3, 24), p.FirstMeetingDueOn(Calendar));
        var ex = Assert.Throws<DomainRuleException>(() =>
            p.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, new DateTime(2026, 3, 25, 10, 0, 0), "Farnham House", ProcessChair, null, Calendar));
        Assert.Contains("24 March 2026", ex.Message);
        p.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, new DateTime(2026, 3, 24, 10, 0, 0), "Farnham House", ProcessChair, null, Calendar);
    }

    [Fact]
    public void The_first_meeting_deadline_counts_working_days_across_Christmas_and_New_Year()
    {
        var p = InQualityAssurance();
        HoldQam(p, new DateTime(2026, 11, 2, 10, 0, 0));
        HoldQam(p, new DateTime(2026, 12, 1, 10, 0, 0));
        p.EscalateToMdmm(new DateOnly(2026, 12, 2), "Not remedied.", Officer);
        var mdmm = HeldMdmmWithQuorum(p, new DateTime(2026, 12, 18, 14, 0, 0));
        p.AddThresholdEvidence(ThresholdIndicator.SignificantComplaint, "Family complaint about pressure care.", Officer, new DateOnly(2026, 12, 18));
        p.RecordThresholdDecision(mdmm.Id, true, "Pressure care.", ProcessChair, Officer);
        // 18 Dec 2026 (Fri): 21–24 Dec, 29–31 Dec, 4–6 Jan; 25 and 28 Dec and 1 Jan are bank holidays.
        Assert.Equal(new DateOnly(2027, 1, 6), p.FirstMeetingDueOn(Calendar));
    }

    [Fact]
    public void A_late_first_meeting_is_allowed_only_with_a_recorded_reason_and_then_shows_as_done_late()
    {
        var p = Triggered();
        var m = p.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, new DateTime(2026, 3, 26, 10, 0, 0), "Farnham House", ProcessChair,
            "Police asked for a delay.", Calendar);
        p.MarkMeetingHeld(m.Id, new DateOnly(2026, 3, 26));
        Assert.Equal(DeadlineStatus.DoneLate, Find(p, new DateOnly(2026, 3, 27), "First Safety and Improvement").Status);
    }

    [Fact]
    public void Minutes_are_due_within_5_working_days_and_later_needs_the_chairs_exception()
    {
        var p = Triggered();
        // Held Thursday 2 April 2026: Good Friday and Easter Monday fall inside the five days.
        var m = HoldFirstMeeting(p, new DateTime(2026, 3, 20, 10, 0, 0));
        Assert.Equal(new DateOnly(2026, 3, 27), m.MinutesDueOn(Calendar));
        var reconvened = p.ScheduleMeeting(MeetingKind.SafetyAndImprovementReconvened, new DateTime(2026, 4, 2, 10, 0, 0), "Farnham House", ProcessChair, null, Calendar);
        p.MarkMeetingHeld(reconvened.Id, new DateOnly(2026, 4, 2));
        Assert.Equal(new DateOnly(2026, 4, 13), reconvened.MinutesDueOn(Calendar));

        var ex = Assert.Throws<DomainRuleException>(() =>
            reconvened.RecordMinutes("Reports received.", "Provider response.", new DateOnly(2026, 4, 14), null, Calendar));
        Assert.Contains("13 April 2026", ex.Message);
        reconvened.RecordMinutes("Reports received.", "Provider response.", new DateOnly(2026, 4, 13), null, Calendar);
        Assert.Equal(DeadlineStatus.Done, Find(p, new DateOnly(2026, 4, 14), "Circulate minutes of the meeting on 2 Apr").Status);

        reconvened.RecordMinutes("Reports received.", "Provider response.", new DateOnly(2026, 4, 15), "Agreed by the Chair with the board lead member.", Calendar);
        Assert.Equal(DeadlineStatus.DoneLate, Find(p, new DateOnly(2026, 4, 16), "Circulate minutes of the meeting on 2 Apr").Status);
    }

    [Fact]
    public void Minutes_outstanding_past_five_working_days_are_overdue()
    {
        var p = Triggered();
        HoldFirstMeeting(p, new DateTime(2026, 3, 20, 10, 0, 0));
        Assert.Equal(DeadlineStatus.Due, Find(p, new DateOnly(2026, 3, 20), "Circulate minutes").Status);
        Assert.Equal(DeadlineStatus.DueSoon, Find(p, new DateOnly(2026, 3, 24), "Circulate minutes").Status);
        Assert.Equal(DeadlineStatus.Overdue, Find(p, new DateOnly(2026, 3, 30), "Circulate minutes").Status);
    }

    [Fact]
    public void Past_six_months_from_the_trigger_the_process_must_be_reported_to_SQIG_and_the_HSAB_Board()
    {
        var p = Triggered();
        HoldFirstMeeting(p, new DateTime(2026, 3, 20, 10, 0, 0));
        Assert.Equal(new DateOnly(2026, 9, 10), p.SixMonthLimit);
        Assert.False(p.MustReportToSqigAndHsab(new DateOnly(2026, 9, 10)));
        Assert.DoesNotContain(ProcessDeadlines.For(p, Calendar, new DateOnly(2026, 9, 10)), d => d.Title.StartsWith("Report to SQIG"));

        Assert.True(p.MustReportToSqigAndHsab(new DateOnly(2026, 9, 11)));
        Assert.Equal(DeadlineStatus.Overdue, Find(p, new DateOnly(2026, 9, 14), "Report to SQIG and the HSAB Board").Status);
        Assert.Equal(DeadlineStatus.Overdue, Find(p, new DateOnly(2026, 9, 14), "Conclude the Safety and Improvement Process").Status);

        p.RecordReportedToSqigAndHsab(new DateOnly(2026, 9, 14), Officer);
        Assert.False(p.MustReportToSqigAndHsab(new DateOnly(2026, 9, 15)));
        Assert.Equal(DeadlineStatus.DoneLate, Find(p, new DateOnly(2026, 9, 15), "Report to SQIG").Status);
    }

    [Fact]
    public void The_reflection_meeting_is_due_one_month_after_conclusion()
    {
        var p = Concluded();
        Assert.Equal(DeadlineStatus.Due, Find(p, new DateOnly(2026, 5, 18), "Hold the Reflection and Learning meeting").Status);
        Assert.Equal(DeadlineStatus.Overdue, Find(p, new DateOnly(2026, 6, 16), "Hold the Reflection and Learning meeting").Status);
        Assert.Equal(DeadlineStatus.Done, Find(p, new DateOnly(2026, 5, 18), "Conclude the Safety and Improvement Process").Status);
    }

    [Fact]
    public void The_GP_practice_is_due_to_be_notified_by_the_day_of_the_MDMM()
    {
        var p = AtMdmm();
        var m = p.ScheduleMeeting(MeetingKind.MultiAgencyDecision, new DateTime(2026, 3, 10, 14, 0, 0), "Farnham House", ProcessChair, null, Calendar);
        Assert.Equal(new DateOnly(2026, 3, 10), Find(p, new DateOnly(2026, 3, 4), "Notify the GP practice").DueOn);
        m.RecordGpPracticeNotified(new DateOnly(2026, 3, 5));
        Assert.Equal(DeadlineStatus.Done, Find(p, new DateOnly(2026, 3, 6), "Notify the GP practice").Status);
    }

    [Fact]
    public void Due_soon_means_within_three_working_days_counting_over_a_weekend()
    {
        var due = new DateOnly(2026, 11, 30); // Monday
        Assert.Equal(DeadlineStatus.Due, ProcessDeadlines.StatusOf(due, null, new DateOnly(2026, 11, 24), Calendar));
        Assert.Equal(DeadlineStatus.DueSoon, ProcessDeadlines.StatusOf(due, null, new DateOnly(2026, 11, 25), Calendar));
        Assert.Equal(DeadlineStatus.DueSoon, ProcessDeadlines.StatusOf(due, null, due, Calendar));
        Assert.Equal(DeadlineStatus.Overdue, ProcessDeadlines.StatusOf(due, null, due.AddDays(1), Calendar));
        var closedFriday = new WorkingDayCalendar([new DateOnly(2026, 11, 27)]);
        Assert.Equal(DeadlineStatus.DueSoon, ProcessDeadlines.StatusOf(due, null, new DateOnly(2026, 11, 24), closedFriday));
    }

    [Fact]
    public void A_finished_process_shows_no_outstanding_deadlines()
    {
        var p = InQualityAssurance();
        HoldQam(p, new DateTime(2026, 2, 2, 10, 0, 0));
        HoldQam(p, new DateTime(2026, 3, 2, 10, 0, 0));
        p.Resolve(new DateOnly(2026, 3, 2), "Remedied.", Officer);
        Assert.DoesNotContain(ProcessDeadlines.For(p, Calendar, new DateOnly(2026, 4, 1)), d => d.Status.IsOutstanding());
        Assert.Contains(ProcessDeadlines.For(p, Calendar, new DateOnly(2026, 4, 1)), d => d.Status == DeadlineStatus.Done);
    }
}
