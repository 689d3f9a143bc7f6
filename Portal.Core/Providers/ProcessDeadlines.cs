using Portal.Core.Calendar;

namespace Portal.Core.Providers;

public enum DeadlineStatus
{
    Due,
    DueSoon,
    Overdue,
    Done,
    DoneLate,
}

public static class DeadlineStatusText
{
    public static string Describe(this DeadlineStatus status) => status switch
    {
        DeadlineStatus.DueSoon => "Due soon",
        DeadlineStatus.DoneLate => "Done late",
        _ => status.ToString(),
    };

    /// <summary>The RAG class; the page always shows the status word beside it.</summary>
    public static string RagClass(this DeadlineStatus status) => status switch
    {
        DeadlineStatus.Overdue => "rag-red",
        DeadlineStatus.DueSoon or DeadlineStatus.DoneLate => "rag-amber",
        DeadlineStatus.Due => "rag-green",
        _ => "rag-complete",
    };

    public static bool IsOutstanding(this DeadlineStatus status) => status is DeadlineStatus.Due or DeadlineStatus.DueSoon or DeadlineStatus.Overdue;
}

/// <summary>A dated obligation of the process, its rule in the seed's words, and where it stands today.</summary>
public sealed record ProcessDeadline(
    string Title,
    string Rule,
    DateOnly DueOn,
    DateOnly? DoneOn,
    DeadlineStatus Status,
    int WorkingDaysLeft,
    Guid? MeetingId);

/// <summary>
/// Works out every deadline of a process from its record. "Due soon" is within
/// <see cref="DueSoonWorkingDays"/> working days; overdue is past the due date and not done.
/// </summary>
public static class ProcessDeadlines
{
    public const int DueSoonWorkingDays = 3;

    public static IReadOnlyList<ProcessDeadline> For(QualityProcess process, WorkingDayCalendar calendar, DateOnly today)
    {
        var list = new List<ProcessDeadline>();

        void Add(string title, string rule, DateOnly due, DateOnly? done, Guid? meetingId, bool outstandingOnlyWhileOpen = true)
        {
            if (done is null && outstandingOnlyWhileOpen && !process.IsOpen)
                return;
            list.Add(new ProcessDeadline(title, rule, due, done, StatusOf(due, done, today, calendar), calendar.WorkingDaysBetween(today, due), meetingId));
        }

        foreach (var m in process.Meetings.OrderBy(m => m.ScheduledFor))
        {
            switch (m.Kind)
            {
                case MeetingKind.QualityAssurance:
                    Add($"Tell senior management about the QAM on {m.Date:d MMM yyyy}",
                        "Senior management told of the decision to convene a QAM at least 2 weeks before it",
                        m.SeniorManagementNoticeDueOn, m.SeniorManagementToldOn, m.Id);
                    var planDue = m.ProviderActionPlanDueAt;
                    var planReceived = m.ProviderActionPlanReceivedAt;
                    var planStatus = planReceived is { } r
                        ? (r <= planDue ? DeadlineStatus.Done : DeadlineStatus.DoneLate)
                        : StatusOf(DateOnly.FromDateTime(planDue), null, today, calendar);
                    if (planReceived is not null || process.IsOpen)
                        list.Add(new ProcessDeadline($"Provider's action plan for the QAM on {m.Date:d MMM yyyy} (by {planDue:HH:mm})",
                            "Action plan shared with the Partnership no later than 48 hours before the QAM",
                            DateOnly.FromDateTime(planDue), planReceived is { } rr ? DateOnly.FromDateTime(rr) : null, planStatus,
                            calendar.WorkingDaysBetween(today, DateOnly.FromDateTime(planDue)), m.Id));
                    if (m.ActionsDueOn is { } actionsDue)
                        Add($"Send agreed actions and timescales after the QAM on {m.Date:d MMM yyyy}",
                            "Agreed actions and timescales communicated to the provider no later than one week after the QAM",
                            actionsDue, m.ActionsSentOn, m.Id);
                    break;
                case MeetingKind.MultiAgencyDecision:
                    Add($"Notify the GP practice of the MDMM on {m.Date:d MMM yyyy}",
                        "The relevant GP practice(s) must be notified by the CCG and ACS when a MDMM is taking place",
                        m.Date, m.GpPracticeNotifiedOn, m.Id);
                    break;
                case MeetingKind.SafetyAndImprovementFirst or MeetingKind.SafetyAndImprovementReconvened when m.MinutesDueOn(calendar) is { } minutesDue:
                    Add($"Circulate minutes of the meeting on {m.Date:d MMM yyyy}",
                        "Minutes and action points circulated to all attendees within 5 working days",
                        minutesDue, m.MinutesCirculatedOn, m.Id);
                    break;
            }
        }

        if (process.TriggeredOn is { } triggered)
        {
            var first = process.Meetings.FirstOrDefault(m => m.Kind == MeetingKind.SafetyAndImprovementFirst);
            Add("First Safety and Improvement Process meeting with the provider",
                "First multi-agency meeting with the care provider within 10 working days of the decision to trigger the Process",
                process.FirstMeetingDueOn(calendar)!.Value, first?.HeldOn, first?.Id);

            var limit = process.SixMonthLimit!.Value;
            Add("Conclude the Safety and Improvement Process",
                "The Safety and Improvement Process should last no more than six months",
                limit, process.ConcludedOn, null);
            if (process.MustReportToSqigAndHsab(today) || process.ReportedToSqigAndHsabOn is not null)
                Add("Report to SQIG and the HSAB Board",
                    "If the Process continues longer than six months from when it was triggered then it should be reported to SQIG and HSAB Board",
                    limit.AddDays(1), process.ReportedToSqigAndHsabOn, null);
        }

        if (process.ReflectionDueOn is { } reflectionDue)
        {
            var reflection = process.Meetings.FirstOrDefault(m => m.Kind == MeetingKind.ReflectionAndLearning);
            Add("Hold the Reflection and Learning meeting",
                "The Reflection and Learning meeting should be held within one month of the conclusion of the process",
                reflectionDue, reflection?.HeldOn, reflection?.Id);
        }

        return list.OrderBy(d => d.Status.IsOutstanding() ? 0 : 1).ThenBy(d => d.DueOn).ToList();
    }

    public static DeadlineStatus StatusOf(DateOnly due, DateOnly? done, DateOnly today, WorkingDayCalendar calendar)
    {
        if (done is { } d)
            return d <= due ? DeadlineStatus.Done : DeadlineStatus.DoneLate;
        if (today > due)
            return DeadlineStatus.Overdue;
        return calendar.WorkingDaysBetween(today, due) <= DueSoonWorkingDays ? DeadlineStatus.DueSoon : DeadlineStatus.Due;
    }
}
