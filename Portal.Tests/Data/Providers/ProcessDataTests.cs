using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Features.Providers;
using Portal.Core.Organisations;
using Portal.Core.Providers;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.Providers.ProviderDataTests;

namespace Portal.Tests.Data.Providers;

public class ProcessDataTests
{
    private static DateTime At(TestApp app, int days, int hour = 10) => app.Clock.Now.UtcDateTime.Date.AddDays(days).AddHours(hour);

    private static async Task<int> VersionAsync(ProviderProcesses processes, Guid id) => (await processes.GetAsync(id))!.Process.Version;

    private static async Task Ok(Task<App.Features.ServiceResult> change)
    {
        var result = await change;
        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task A_quality_officer_takes_a_provider_from_prevention_to_the_Safety_and_Improvement_Process_with_quorum_enforced()
    {
        await using var app = await TestApp.StartAsync();
        var providerId = await CreateProviderAsync(app);
        await app.SignInAs(PortalRole.QualityLead);
        await using var scope = app.CreateScope();
        var svc = scope.ServiceProvider.GetRequiredService<ProviderProcesses>();

        var (opened, id) = await svc.OpenAsync(providerId, "Falls at night, three safeguarding concerns.");
        Assert.True(opened.Succeeded, opened.Error);
        var (second, _) = await svc.OpenAsync(providerId, "Again");
        Assert.Contains("already has an open process", second.Error);
        var pid = id!.Value;

        await Ok(svc.EscalateToQualityAssuranceAsync(pid, await VersionAsync(svc, pid), "Not remedied after support."));
        for (var i = 0; i < 2; i++)
        {
            await Ok(svc.ScheduleMeetingAsync(pid, await VersionAsync(svc, pid), MeetingKind.QualityAssurance, At(app, 15), "Priory House", "Grace Okafor", null));
            var qam = (await svc.GetAsync(pid))!.Process.Meetings.Single(m => !m.IsHeld);
            await Ok(svc.RecordQamDatesAsync(pid, await VersionAsync(svc, pid), qam.Id, DateOnly.FromDateTime(app.Clock.Now.UtcDateTime), null, null));
            app.Clock.Advance(TimeSpan.FromDays(15));
            await Ok(svc.MarkMeetingHeldAsync(pid, await VersionAsync(svc, pid), qam.Id));
        }
        await Ok(svc.EscalateToMdmmAsync(pid, await VersionAsync(svc, pid), "Action plan not delivered."));

        await Ok(svc.ScheduleMeetingAsync(pid, await VersionAsync(svc, pid), MeetingKind.MultiAgencyDecision, At(app, 0, 14), "Priory House", "Sam Hughes", null));
        var mdmm = (await svc.GetAsync(pid))!.Process.Meetings.Single(m => m.Kind == MeetingKind.MultiAgencyDecision);
        await Ok(svc.MarkMeetingHeldAsync(pid, await VersionAsync(svc, pid), mdmm.Id));
        await Ok(svc.AddThresholdEvidenceAsync(pid, await VersionAsync(svc, pid), ThresholdIndicator.SignificantWhistleblowing, "Night staff raised concerns."));
        await Ok(svc.AddAttendeeAsync(pid, await VersionAsync(svc, pid), mdmm.Id, "Sam Hughes", "ACS", MdmmQuorumRole.AcsHeadOfServiceCommissioning));

        var noQuorum = await svc.RecordThresholdDecisionAsync(pid, await VersionAsync(svc, pid), mdmm.Id, true, "Risk to residents.", "Sam Hughes");
        Assert.Contains("CCG – Head of Adult Safeguarding", noQuorum.Error);
        Assert.Equal(ProcessStage.MultiAgencyDecision, (await svc.GetAsync(pid))!.Process.Stage);

        await Ok(svc.AddAttendeeAsync(pid, await VersionAsync(svc, pid), mdmm.Id, "Olu Ade", "ACS", MdmmQuorumRole.AcsHeadOfOperations));
        await Ok(svc.AddAttendeeAsync(pid, await VersionAsync(svc, pid), mdmm.Id, "Chris Lane", "CCG", MdmmQuorumRole.CcgHeadOfAdultSafeguarding));
        await Ok(svc.AddAttendeeAsync(pid, await VersionAsync(svc, pid), mdmm.Id, "Jo Reid", "HPFT", MdmmQuorumRole.HpftServiceLineLeadOrConsultantNurse));
        await Ok(svc.RecordThresholdDecisionAsync(pid, await VersionAsync(svc, pid), mdmm.Id, true, "Risk to residents.", "Sam Hughes"));

        var view = (await svc.GetAsync(pid))!;
        Assert.Equal(ProcessStage.SafetyAndImprovement, view.Process.Stage);
        Assert.Equal(4, view.Process.Meetings.Single(m => m.Id == mdmm.Id).Attendees.Count);
        Assert.Contains(view.Deadlines, d => d.Title.StartsWith("First Safety and Improvement") && d.DueOn == view.FirstMeetingDueOn);

        await using var db = await app.CreateDbContextAsync();
        var businessSupport = await db.Users.SingleAsync(u => u.Email == App.Data.DemoData.EmailFor(PortalRole.BusinessSupport));
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == businessSupport.Id && n.Title.StartsWith("Safety and Improvement Process triggered")));
    }

    [Fact]
    public async Task Risk_rows_are_signed_off_by_the_chair_only_and_then_cannot_change()
    {
        await using var app = await TestApp.StartAsync();
        var (svc, pid, mdmmId) = await TriggeredAsync(app);
        await Ok(svc.AddRiskRowAsync(pid, await VersionAsync(svc, pid), mdmmId, DateOnly.FromDateTime(app.Clock.Now.UtcDateTime),
            "Number of safeguarding issues", "Residents mobilising without carers and falling", "Review team to review care plans"));
        var row = (await svc.GetAsync(pid))!.Process.RiskRows.Single();

        // Grace Okafor (Quality Lead) is not the chair.
        var refused = await svc.SignOffRiskRowAsync(pid, await VersionAsync(svc, pid), row.Id);
        Assert.Contains("Only the chair", refused.Error);

        await app.SignInAs(PortalRole.ServiceManager); // Sam Hughes chairs.
        await using var chairScope = app.CreateScope();
        var chairSvc = chairScope.ServiceProvider.GetRequiredService<ProviderProcesses>();
        await Ok(chairSvc.SignOffRiskRowAsync(pid, await VersionAsync(chairSvc, pid), row.Id));
        var signed = (await chairSvc.GetAsync(pid))!.Process.RiskRows.Single();
        Assert.Equal("Sam Hughes", signed.SignedOffBy);
        Assert.Equal(app.Clock.Now, signed.SignedOffAt);

        var edit = await chairSvc.EditRiskRowAsync(pid, await VersionAsync(chairSvc, pid), row.Id, "Changed", "Changed", "Changed");
        Assert.Contains("can no longer be changed", edit.Error);
        Assert.Equal("Number of safeguarding issues", (await chairSvc.GetAsync(pid))!.Process.RiskRows.Single().Issues);
    }

    [Fact]
    public async Task A_change_made_from_a_stale_page_is_refused_even_when_it_touches_only_a_meeting()
    {
        await using var app = await TestApp.StartAsync();
        var (svc, pid, mdmmId) = await TriggeredAsync(app);
        var version = await VersionAsync(svc, pid);
        await Ok(svc.AnswerChecklistAsync(pid, version, mdmmId, [(1, true, "Director told.")]));
        var stale = await svc.AnswerChecklistAsync(pid, version, mdmmId, [(1, false, "Overwrite.")]);
        Assert.Equal(App.Features.ServiceResultExtensions.ConcurrencyMessage, stale.Error);
        var answer = (await svc.GetAsync(pid))!.Process.Meetings.Single(m => m.Id == mdmmId).Checklist.Single();
        Assert.True(answer.Yes);
    }

    [Fact]
    public async Task Processes_of_another_organisation_are_invisible_and_untouchable()
    {
        await using var app = await TestApp.StartAsync();
        var (svc, pid, _) = await TriggeredAsync(app);
        var version = await VersionAsync(svc, pid);
        await app.SignInAs(await OtherOrganisationUserAsync(app, PortalRole.QualityLead));
        await using var scope = app.CreateScope();
        var other = scope.ServiceProvider.GetRequiredService<ProviderProcesses>();
        Assert.Null(await other.GetAsync(pid));
        var change = await other.RecordDecisionAsync(pid, version, "Hijack", null);
        Assert.False(change.Succeeded);
        var board = await scope.ServiceProvider.GetRequiredService<DeadlineBoard>().QueryAsync(new(null, 0, 50));
        Assert.DoesNotContain(board.Rows, r => r.ProcessId == pid);
    }

    [Fact]
    public async Task The_provider_reads_part_two_minutes_only()
    {
        await using var app = await TestApp.StartAsync();
        var (svc, pid, _) = await TriggeredAsync(app);
        await Ok(svc.ScheduleMeetingAsync(pid, await VersionAsync(svc, pid), MeetingKind.SafetyAndImprovementFirst, At(app, 0, 15), "Priory House", "Sam Hughes", null));
        var first = (await svc.GetAsync(pid))!.Process.Meetings.Single(m => m.Kind == MeetingKind.SafetyAndImprovementFirst);
        await Ok(svc.MarkMeetingHeldAsync(pid, await VersionAsync(svc, pid), first.Id));
        await Ok(svc.RecordMinutesAsync(pid, await VersionAsync(svc, pid), first.Id, "PART ONE confidential police update.", "PART TWO provider response.", null, null));

        // Link the provider to its owner organisation, then act as a user of that organisation.
        await using (var db = await app.CreateDbContextAsync())
        {
            var owner = await db.Organisations.SingleAsync(o => o.Name == "Meadow View Care Home Ltd");
            var provider = await db.Providers.SingleAsync(p => db.QualityProcesses.Any(q => q.Id == pid && q.ProviderId == p.Id));
            provider.UpdateContacts(null, null, null, owner.Id);
            var manager = new PortalUser("Home Manager", "manager@meadowview.example", owner, "Registered Manager");
            manager.GrantRole(PortalRole.VisitingProfessional);
            db.Users.Add(manager);
            await db.SaveChangesAsync();
            await app.SignInAs(manager.Id);
        }
        await using var scope = app.CreateScope();
        var minutes = await scope.ServiceProvider.GetRequiredService<ProviderProcesses>().MinutesForProviderAsync(pid);
        var only = Assert.Single(minutes);
        Assert.Equal("PART TWO provider response.", only.PartTwoMinutes);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ProviderProcesses>().GetAsync(pid).ContinueWith(t => t.IsFaulted ? null : t.Result));
    }

    [Fact]
    public async Task The_deadline_board_shows_due_due_soon_and_overdue_in_working_days()
    {
        await using var app = await TestApp.StartAsync();
        var (svc, pid, _) = await TriggeredAsync(app);
        // Triggered today, Monday 23 November 2026 (the test clock): the first meeting is due in 10 working days.
        await using var scope = app.CreateScope();
        var board = scope.ServiceProvider.GetRequiredService<DeadlineBoard>();
        var row = (await board.QueryAsync(new(null, 0, 50))).Rows.Single(r => r.ProcessId == pid && r.Title.StartsWith("First Safety"));
        Assert.Equal(new DateOnly(2026, 12, 7), row.DueOn);
        Assert.Equal(DeadlineStatus.Due, row.Status);
        Assert.Equal(10, row.WorkingDaysLeft);

        app.Clock.Now = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        row = (await board.QueryAsync(new(DeadlineStatus.DueSoon, 0, 50))).Rows.Single(r => r.ProcessId == pid && r.Title.StartsWith("First Safety"));
        Assert.Equal(3, row.WorkingDaysLeft);

        app.Clock.Now = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
        var overdue = await board.QueryAsync(new(DeadlineStatus.Overdue, 0, 50));
        Assert.Contains(overdue.Rows, r => r.ProcessId == pid && r.Title.StartsWith("First Safety"));
        Assert.True(overdue.Overdue >= 1);
    }

    [Fact]
    public async Task A_closure_day_kept_by_an_administrator_moves_deadlines()
    {
        await using var app = await TestApp.StartAsync();
        var (svc, pid, _) = await TriggeredAsync(app);
        await app.SignInAs(PortalRole.Administrator);
        await using (var adminScope = app.CreateScope())
        {
            var calendar = adminScope.ServiceProvider.GetRequiredService<WorkingCalendar>();
            Assert.True((await calendar.AddClosureDayAsync(new DateOnly(2026, 11, 27), "Council closure day")).Succeeded);
            Assert.False((await calendar.AddClosureDayAsync(new DateOnly(2026, 12, 25), "Christmas")).Succeeded);
        }
        await app.SignInAs(PortalRole.QualityLead);
        await using var scope = app.CreateScope();
        var view = (await scope.ServiceProvider.GetRequiredService<ProviderProcesses>().GetAsync(pid))!;
        Assert.Equal(new DateOnly(2026, 12, 8), view.FirstMeetingDueOn);
    }

    /// <summary>A provider whose process has just been triggered at an MDMM held today (Monday 23 November 2026), chaired by Sam Hughes.</summary>
    internal static async Task<(ProviderProcesses Svc, Guid ProcessId, Guid MdmmId)> TriggeredAsync(TestApp app)
    {
        var providerId = await CreateProviderAsync(app);
        await app.SignInAs(PortalRole.QualityLead);
        var scope = app.CreateScope();
        var svc = scope.ServiceProvider.GetRequiredService<ProviderProcesses>();
        var pid = (await svc.OpenAsync(providerId, "Concerns about falls.")).Id!.Value;

        // The history before today is written straight through Core, as if recorded over the past months.
        await using (var db = await app.CreateDbContextAsync())
        {
            var p = await db.QualityProcesses.SingleAsync(q => q.Id == pid);
            var cal = Portal.Core.Calendar.WorkingDayCalendar.EnglandAndWales;
            var today = new DateOnly(2026, 11, 23);
            p.EscalateToQualityAssurance(today.AddDays(-90), "Not remedied.", "Grace Okafor");
            foreach (var daysAgo in new[] { 60, 30 })
            {
                var m = p.ScheduleMeeting(MeetingKind.QualityAssurance, today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0)), "Priory House", "Grace Okafor", null, cal);
                m.RecordSeniorManagementTold(today.AddDays(-daysAgo - 14));
                m.RecordProviderActionPlanReceived(today.AddDays(-daysAgo - 3).ToDateTime(new TimeOnly(9, 0)));
                p.MarkMeetingHeld(m.Id, today);
                m.RecordActionsSent(today.AddDays(-daysAgo + 2));
            }
            p.EscalateToMdmm(today.AddDays(-20), "Not remedied.", "Grace Okafor");
            var mdmm = p.ScheduleMeeting(MeetingKind.MultiAgencyDecision, today.ToDateTime(new TimeOnly(9, 0)), "Priory House", "Sam Hughes", null, cal);
            mdmm.RecordGpPracticeNotified(today.AddDays(-5));
            p.MarkMeetingHeld(mdmm.Id, today);
            mdmm.AddAttendee("Sam Hughes", "ACS", MdmmQuorumRole.AcsHeadOfServiceCommissioning);
            mdmm.AddAttendee("Olu Ade", "ACS", MdmmQuorumRole.AcsHeadOfOperations);
            mdmm.AddAttendee("Chris Lane", "CCG", MdmmQuorumRole.CcgHeadOfAdultSafeguarding);
            mdmm.AddAttendee("Jo Reid", "HPFT", MdmmQuorumRole.HpftServiceLineLeadOrConsultantNurse);
            p.AddThresholdEvidence(ThresholdIndicator.SignificantComplaint, "Family complaint.", "Grace Okafor", today);
            p.RecordThresholdDecision(mdmm.Id, true, "Risk to residents.", "Sam Hughes", "Grace Okafor");
            await db.SaveChangesAsync();
            return (svc, pid, mdmm.Id);
        }
    }
}
