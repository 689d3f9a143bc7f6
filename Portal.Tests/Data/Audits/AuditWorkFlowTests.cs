using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Data;
using Portal.App.Features;
using Portal.App.Features.Audits;
using Portal.App.Features.Dashboard;
using Portal.Core.Audits;
using Portal.Core.Organisations;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.Audits.AuditTestData;

namespace Portal.Tests.Data.Audits;

public class AuditWorkFlowTests
{
    [Fact]
    public async Task The_auditor_autosaves_drafts_and_a_stale_save_is_refused_without_losing_the_form()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var audit = (await AuditsAsync(app, cycleId)).First();
        await As(app, audit.AuditorId, async sp =>
        {
            var forms = sp.GetRequiredService<AuditFormService>();
            var form = (await forms.GetAsync(audit.Id))!;
            Assert.True(form.CanEdit);
            var first = form.Template.Sections[0].Questions[0];
            var draft = new AuditDraft([new(first.Id, AnswerValue.No, "No record of the person's wishes")], null, null, null, null, []);
            var saved = await forms.SaveDraftAsync(audit.Id, form.Version, draft);
            Assert.True(saved.Result.Succeeded, saved.Result.Error);
            Assert.Equal(app.Clock.Now, saved.SavedAt);
            var again = await forms.SaveDraftAsync(audit.Id, saved.Version, draft with { Grade = AuditGrade.Adequate });
            Assert.True(again.Result.Succeeded);
            var stale = await forms.SaveDraftAsync(audit.Id, saved.Version, draft);
            Assert.Equal(ServiceResultExtensions.ConcurrencyMessage, stale.Result.Error);

            var reloaded = (await forms.GetAsync(audit.Id))!;
            Assert.Equal(AuditStatus.InProgress, reloaded.Status);
            Assert.Equal(AuditGrade.Adequate, reloaded.Grade);
            Assert.Equal("No record of the person's wishes", reloaded.Answers.Single().Comment);

            var incomplete = await forms.CompleteAsync(audit.Id, reloaded.Version, draft with { Grade = AuditGrade.Adequate });
            Assert.False(incomplete.Result.Succeeded);
            Assert.Contains("rationale", incomplete.Result.Error);
            return 0;
        });
    }

    [Fact]
    public async Task Nobody_but_the_allocated_auditor_can_save_the_audit()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var alex = await UserIdAsync(app, PortalRole.Auditor);
        var graces = (await AuditsAsync(app, cycleId)).First(a => a.AuditorId != alex);
        await As(app, PortalRole.Auditor, async sp =>
        {
            var result = await sp.GetRequiredService<AuditFormService>().SaveDraftAsync(graces.Id, graces.Version, new([], AuditGrade.Good, null, null, null, []));
            Assert.Equal("This audit is not allocated to you.", result.Result.Error);
            return 0;
        });
    }

    [Fact]
    public async Task The_practitioner_reflects_before_seeing_the_grade_then_responds_and_the_manager_records_the_conversation()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var priya = await UserIdAsync(app, PortalRole.Practitioner);
        var audit = (await AuditsAsync(app, cycleId)).First(a => a.PractitionerUserId == priya);
        await CompleteAsync(app, audit, AuditGrade.Good);

        await As(app, PortalRole.Practitioner, async sp =>
        {
            var feedback = sp.GetRequiredService<AuditFeedbackService>();
            var (rows, _) = await feedback.ListAsync(new(null, null, null, 0, 50));
            Assert.All(rows, r => Assert.Equal("Priya Patel", r.PractitionerName));
            Assert.Null(rows.Single(r => r.Id == audit.Id).Grade);
            var view = (await feedback.GetAsync(audit.Id))!;
            Assert.False(view.OutcomeVisible);
            Assert.Null(view.Grade);
            Assert.Null(view.Strengths);
            Assert.True(view.CanReflect);
            Assert.Null(await sp.GetRequiredService<AuditFormService>().GetAsync(audit.Id));
            Assert.Contains((await feedback.MyWorkAsync()).ReflectionsOwed, r => r.Id == audit.Id);

            Assert.True((await feedback.SubmitReflectionAsync(audit.Id, view.Version, "I would now record the carer's views more fully.")).Succeeded);
            view = (await feedback.GetAsync(audit.Id))!;
            Assert.True(view.OutcomeVisible);
            Assert.Equal(AuditGrade.Good, view.Grade);
            Assert.Equal("The person's voice is clear throughout.", view.Strengths);
            Assert.NotEmpty(view.Answers!);
            Assert.True(view.CanRespond);
            Assert.True((await feedback.RespondAsync(audit.Id, view.Version, "Thank you; I agree with the learning point.")).Succeeded);
            return 0;
        });

        await As(app, PortalRole.TeamManager, async sp =>
        {
            var feedback = sp.GetRequiredService<AuditFeedbackService>();
            var view = (await feedback.GetAsync(audit.Id))!;
            Assert.True(view.CanRecordConversation);
            Assert.Equal("I would now record the carer's views more fully.", view.Reflection);
            var result = await feedback.RecordConversationAsync(audit.Id, view.Version, DateOnly.FromDateTime(app.Clock.Now.UtcDateTime), "Discussed the learning point in supervision.");
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal("Tom Evans", (await feedback.GetAsync(audit.Id))!.ReflectiveConversationBy);
            return 0;
        });
    }

    [Fact]
    public async Task Each_person_sees_only_the_audits_their_role_and_teams_allow()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var audits = await AuditsAsync(app, cycleId);
        var priya = await UserIdAsync(app, PortalRole.Practitioner);
        var alex = await UserIdAsync(app, PortalRole.Auditor);

        async Task<HashSet<Guid>> Visible(PortalRole role) => await As(app, role, async sp =>
            (await sp.GetRequiredService<AuditFeedbackService>().ListAsync(new(cycleId, null, null, 0, 100))).Rows.Select(r => r.Id).ToHashSet());

        Assert.Equal(audits.Where(a => a.PractitionerUserId == priya).Select(a => a.Id).ToHashSet(), await Visible(PortalRole.Practitioner));
        Assert.Equal(audits.Where(a => a.AuditorId == alex || a.PractitionerUserId == alex).Select(a => a.Id).ToHashSet(), await Visible(PortalRole.Auditor));
        Assert.Equal(audits.Where(a => a.TeamName == AmhpTeam).Select(a => a.Id).ToHashSet(), await Visible(PortalRole.TeamManager));
        Assert.Equal(audits.Select(a => a.Id).ToHashSet(), await Visible(PortalRole.QualityLead));

        // A Quality Lead of another council sees nothing of this one.
        Guid outsider;
        await using (var db = await app.CreateDbContextAsync())
        {
            var bedford = await db.Organisations.SingleAsync(o => o.Name == "Bedford Borough Council");
            var user = new PortalUser("Olu Ade", "olu@bedford.example", bedford, "Quality Lead");
            user.GrantRole(PortalRole.QualityLead);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            outsider = user.Id;
        }
        await As(app, outsider, async sp =>
        {
            Assert.Equal(0, (await sp.GetRequiredService<AuditFeedbackService>().ListAsync(new(null, null, null, 0, 100))).Total);
            Assert.Null(await sp.GetRequiredService<AuditFeedbackService>().GetAsync(audits[0].Id));
            Assert.Null(await sp.GetRequiredService<AuditReportsService>().CycleAsync(cycleId));
            Assert.Empty((await sp.GetRequiredService<CasePoolService>().ListAsync(cycleId, null, null, 0, 50)).Rows);
            return 0;
        });
    }

    [Fact]
    public async Task A_risk_alert_stays_on_the_AMHP_Leads_dashboard_until_acknowledged_and_the_acknowledgement_is_recorded()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var audit = (await AuditsAsync(app, cycleId)).First();
        await As(app, audit.AuditorId, async sp =>
        {
            var forms = sp.GetRequiredService<AuditFormService>();
            var form = (await forms.GetAsync(audit.Id))!;
            Assert.True((await forms.RecordConcernContactAsync(audit.Id, form.Version, "Tom Evans", ConcernContactRole.TeamManager, app.Clock.Now.AddMinutes(-30),
                "Tom will review the case with the practitioner today.")).Succeeded);
            form = (await forms.GetAsync(audit.Id))!;
            Assert.Single(form.Contacts);
            var raised = await forms.RaiseRiskAlertAsync(audit.Id, form.Version, "No follow-up plan after the assessment did not progress; the person lives alone.");
            Assert.True(raised.Succeeded, raised.Error);
            return 0;
        });

        await As(app, PortalRole.AmhpLead, async sp =>
        {
            var alerts = await sp.GetRequiredService<AuditFormService>().OpenAlertsAsync();
            Assert.Contains(alerts, a => a.AuditId == audit.Id);
            var notes = await sp.GetRequiredService<MyWork>().OpenNotificationsAsync();
            Assert.Contains(notes, n => n.RequiresAcknowledgement && n.Title.StartsWith("Urgent audit alert"));
            var view = (await sp.GetRequiredService<AuditFeedbackService>().GetAsync(audit.Id))!;
            Assert.True(view.CanAcknowledgeAlert);
            var ack = await sp.GetRequiredService<AuditFormService>().AcknowledgeAlertAsync(audit.Id, view.Version, "Duty AMHP contacted the person; visit arranged.");
            Assert.True(ack.Succeeded, ack.Error);
            Assert.Empty(await sp.GetRequiredService<AuditFormService>().OpenAlertsAsync());
            Assert.DoesNotContain(await sp.GetRequiredService<MyWork>().OpenNotificationsAsync(), n => n.Title.StartsWith("Urgent audit alert"));
            Assert.Equal("Nadia Osei", (await sp.GetRequiredService<AuditFeedbackService>().GetAsync(audit.Id))!.RiskAlertAcknowledgedByName);
            return 0;
        });

        await app.SignInAs(PortalRole.Auditor);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.Run(sp => sp.GetRequiredService<AuditFormService>().OpenAlertsAsync()));
    }

    [Fact]
    public async Task Requires_improvement_goes_on_the_review_list_and_its_corrective_action_is_tracked_to_closure()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var audit = (await AuditsAsync(app, cycleId)).First(a => a.TeamName == AmhpTeam);
        await CompleteAsync(app, audit, AuditGrade.RequiresImprovement);
        var tom = await UserIdAsync(app, PortalRole.TeamManager);
        await As(app, PortalRole.QualityLead, async sp =>
        {
            var review = sp.GetRequiredService<AuditReviewListService>();
            var row = (await review.ListAsync()).Single(r => r.AuditId == audit.Id);
            Assert.Equal("No action set", row.Status);
            var result = await review.SetActionAsync(audit.Id, row.Version, "Revisit the assessment with the person and record their views.", tom, new(2026, 12, 31));
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal("Open", (await review.ListAsync()).Single(r => r.AuditId == audit.Id).Status);
            return 0;
        });
        app.Clock.Advance(TimeSpan.FromDays(60));
        await As(app, PortalRole.TeamManager, async sp =>
        {
            var review = sp.GetRequiredService<AuditReviewListService>();
            var row = (await review.ListAsync()).Single(r => r.AuditId == audit.Id);
            Assert.Equal("Overdue", row.Status);
            Assert.True((await review.CloseActionAsync(audit.Id, row.Version, "Assessment revisited and updated.")).Succeeded);
            Assert.DoesNotContain(await review.ListAsync(), r => r.AuditId == audit.Id);
            Assert.Equal("Closed", (await review.ListAsync(includeClosed: true)).Single(r => r.AuditId == audit.Id).Status);
            return 0;
        });
    }

    [Fact]
    public async Task Moderation_takes_twenty_percent_of_completed_audits_and_agreement_appears_in_the_cycle_report()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var audits = await AuditsAsync(app, cycleId);
        var grades = new[] { AuditGrade.Good, AuditGrade.Adequate, AuditGrade.Outstanding, AuditGrade.RequiresImprovement };
        for (var i = 0; i < audits.Count; i++)
            await CompleteAsync(app, audits[i], grades[i]);
        // A second Quality Lead, so every audit has a moderator who did not do it.
        Guid maya;
        await using (var db = await app.CreateDbContextAsync())
        {
            var cbc = await db.Organisations.SingleAsync(o => o.Name == "Central Bedfordshire Council");
            var user = new PortalUser("Maya Ross", "maya@cbc.example", cbc, "Practice Lead");
            user.GrantRole(PortalRole.QualityLead);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            maya = user.Id;
        }

        var moderatorId = await As(app, PortalRole.QualityLead, async sp =>
        {
            var moderation = sp.GetRequiredService<AuditModerationService>();
            var cycle = (await sp.GetRequiredService<AuditCyclesService>().GetAsync(cycleId))!;
            var (result, selected) = await moderation.SelectAsync(cycleId, cycle.Version, 7);
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(1, selected);
            var again = await moderation.SelectAsync(cycleId, (await sp.GetRequiredService<AuditCyclesService>().GetAsync(cycleId))!.Version, 8);
            Assert.False(again.Result.Succeeded);
            await using var db = await app.CreateDbContextAsync();
            var chosen = await db.CaseAudits.AsNoTracking().SingleAsync(a => a.CycleId == cycleId && a.ModeratorId != null);
            Assert.NotEqual(chosen.AuditorId, chosen.ModeratorId);
            return chosen.ModeratorId!.Value;
        });

        await As(app, moderatorId, async sp =>
        {
            var moderation = sp.GetRequiredService<AuditModerationService>();
            var item = Assert.Single(await moderation.MineAsync());
            var differs = await moderation.RecordAsync(item.AuditId, item.Version, item.AuditorGrade == AuditGrade.Good ? AuditGrade.Adequate : AuditGrade.Good, false, true, null);
            Assert.Contains("Explain why", differs.Error);
            var record = await moderation.RecordAsync(item.AuditId, item.Version, item.AuditorGrade!.Value, true, true, null);
            Assert.True(record.Succeeded, record.Error);
            Assert.Empty(await moderation.MineAsync());
            return 0;
        });

        await As(app, PortalRole.QualityLead, async sp =>
        {
            var report = (await sp.GetRequiredService<AuditReportsService>().CycleAsync(cycleId))!;
            var s = report.Summary;
            Assert.Equal(4, s.Completed);
            Assert.Equal(50, s.PercentGoodOrBetter);
            Assert.All(s.Grades, g => Assert.Equal(1, g.Count));
            Assert.Equal(2, s.ByTeam.Count);
            Assert.All(s.Questions, q => Assert.Equal(100, q.YesRate));
            Assert.Equal(1, s.Moderated);
            Assert.Equal(1.0, s.Agreement.ExactAgreement);
            Assert.Equal(100, s.PercentCriteriaConsistent);
            var highlights = (await sp.GetRequiredService<AuditReportsService>().HighlightsAsync(cycleId))!;
            Assert.DoesNotContain(highlights.GoodPractice.Concat(highlights.Learning), t => t.Contains("Priya") || t.Contains("Alex"));
            Assert.Equal(4, highlights.Completed);
            return 0;
        });
        _ = maya;
    }

    [Fact]
    public async Task The_tracker_shows_practitioners_behind_two_audits_a_year_to_their_manager()
    {
        await using var app = await TestApp.StartAsync();
        var cycleId = await AllocatedCycleAsync(app);
        var priyaId = await UserIdAsync(app, PortalRole.Practitioner);
        var before = await As(app, PortalRole.TeamManager, async sp =>
            (await sp.GetRequiredService<AuditCyclesService>().TrackerAsync(new(2026, 4, 1))).Single(r => r.PractitionerName == "Priya Patel"));
        foreach (var audit in (await AuditsAsync(app, cycleId)).Where(a => a.PractitionerUserId == priyaId))
            await CompleteAsync(app, audit, AuditGrade.Good);
        var after = await As(app, PortalRole.TeamManager, async sp =>
            (await sp.GetRequiredService<AuditCyclesService>().TrackerAsync(new(2026, 4, 1))).Single(r => r.PractitionerName == "Priya Patel"));
        var priyas = (await AuditsAsync(app, cycleId)).Count(a => a.PractitionerUserId == priyaId);
        Assert.Equal(1, after.ExpectedByNow);
        Assert.Equal(before.Completed + priyas, after.Completed);
        Assert.Equal(before.InProgress - priyas, after.InProgress);
        Assert.Equal(TrackerStatus.Met, after.Status);

        // The Practitioner is not a manager and cannot see the tracker.
        await app.SignInAs(PortalRole.Practitioner);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.Run(sp => sp.GetRequiredService<AuditCyclesService>().TrackerAsync(new(2026, 4, 1))));
    }
}
