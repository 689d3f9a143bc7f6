using Microsoft.EntityFrameworkCore;
using Portal.App.Features.ActionPlans;
using Portal.Core.ActionPlans;
using Portal.Core.Organisations;
using Portal.Core.Rag;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.ActionPlans.ActionPlanTestData;

namespace Portal.Tests.Data.ActionPlans;

public class ActionBoardTests
{
    // TestApp's clock starts on 23 November 2026.
    private static async Task<(Guid Plan, Guid Overdue, Guid DueSoon, Guid Unassigned, Guid Done)> BoardPlanAsync(TestApp app)
    {
        var (planId, sectionId) = await NewPlanAsync(app);
        var manager = await UserIdAsync(app, PortalRole.TeamManager);
        var overdue = await NewActionAsync(app, planId, sectionId, "1.", "September 2026", new LeadInput("Tom Evans", manager), new LeadInput("ELFT – Diane Hull"));
        var dueSoon = await NewActionAsync(app, planId, sectionId, "2.", "December 2026", new LeadInput("ELFT – Diane Hull"));
        var unassigned = await NewActionAsync(app, planId, sectionId, "3.", "March 2027");
        var done = await NewActionAsync(app, planId, sectionId, "4.", "October 2026", new LeadInput("Tom Evans", manager));
        await using var scope = app.CreateScope();
        var actions = scope.Get<PlanActionService>();
        async Task<int> V(Guid id) => (await actions.GetAsync(id))!.Version;
        Assert.True((await actions.ChangeRagAsync(overdue, await V(overdue), RagStatus.Red, "Late.")).Succeeded);
        Assert.True((await actions.ChangeRagAsync(dueSoon, await V(dueSoon), RagStatus.Green, "Fine.")).Succeeded);
        Assert.True((await actions.AddUpdateAsync(dueSoon, await V(dueSoon), new DateOnly(2026, 11, 20), "Recent progress.")).Succeeded);
        Assert.True((await actions.CompleteAsync(done, await V(done), new DateOnly(2026, 10, 30), "Delivered.")).Succeeded);
        return (planId, overdue, dueSoon, unassigned, done);
    }

    [Fact]
    public async Task Counts_by_RAG_per_plan_per_lead_and_per_organisation_come_from_the_actions()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await BoardPlanAsync(app);
        await using var scope = app.CreateScope();
        var board = scope.Get<ActionBoard>();
        var filter = new ActionBoard.BoardFilter(PlanId: ids.Plan);

        var plan = Assert.Single(await board.CountsByPlanAsync(filter));
        Assert.Equal((1, 0, 1, 1, 1, 4, 1), (plan.Red, plan.Amber, plan.Green, plan.Complete, plan.NotRated, plan.Total, plan.Overdue));

        var leads = await board.CountsByLeadAsync(filter);
        var diane = Assert.Single(leads, l => l.Label == "ELFT – Diane Hull");
        Assert.Equal((1, 1, 2), (diane.Red, diane.Green, diane.Total));
        var tom = Assert.Single(leads, l => l.Label == "Tom Evans");
        Assert.Equal((1, 1, 2, 1), (tom.Red, tom.Complete, tom.Total, tom.Overdue));

        var org = Assert.Single(await board.CountsByOrganisationAsync(filter));
        Assert.Equal(("Central Bedfordshire Council", 4), (org.Label, org.Total));
    }

    [Fact]
    public async Task Overdue_stale_and_unassigned_lists_leave_out_complete_actions()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await BoardPlanAsync(app);
        await using var scope = app.CreateScope();
        var board = scope.Get<ActionBoard>();
        var filter = new ActionBoard.BoardFilter(PlanId: ids.Plan, StaleDays: 30);

        var (overdue, overdueTotal) = await board.ActionsAsync(filter, new(ActionBoard.ActionList.Overdue));
        Assert.Equal(1, overdueTotal);
        Assert.Equal(ids.Overdue, overdue.Single().Id);
        Assert.Equal(["Tom Evans", "ELFT – Diane Hull"], overdue.Single().Leads);

        var (stale, _) = await board.ActionsAsync(filter, new(ActionBoard.ActionList.NoRecentUpdate));
        Assert.Equal(new[] { ids.Overdue, ids.Unassigned }.Order(), stale.Select(r => r.Id).Order());

        var (unassigned, _) = await board.ActionsAsync(filter, new(ActionBoard.ActionList.Unassigned));
        Assert.Equal(ids.Unassigned, unassigned.Single().Id);

        var (byLeadAndRag, _) = await board.ActionsAsync(filter, new(Rag: RagStatus.Green, Lead: "ELFT – Diane Hull"));
        Assert.Equal(ids.DueSoon, byLeadAndRag.Single().Id);

        var (notRated, _) = await board.ActionsAsync(filter, new(NotRated: true));
        Assert.Equal(ids.Unassigned, notRated.Single().Id);
    }

    [Fact]
    public async Task Lists_are_paged_in_the_database()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await BoardPlanAsync(app);
        await using var scope = app.CreateScope();
        var board = scope.Get<ActionBoard>();
        var (page, total) = await board.ActionsAsync(new(PlanId: ids.Plan), new(), skip: 1, take: 2);
        Assert.Equal(4, total);
        Assert.Equal(2, page.Count);
        // Soonest first: September (1.) is skipped, then October (4.) and December (2.).
        Assert.Equal(["4.", "2."], page.Select(r => r.Number));
    }

    [Fact]
    public async Task What_changed_since_a_date_lists_RAG_moves_updates_and_completions_after_it_only()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await BoardPlanAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(10)); // 3 December 2026
        await using var scope = app.CreateScope();
        var actions = scope.Get<PlanActionService>();
        Assert.True((await actions.ChangeRagAsync(ids.DueSoon, (await actions.GetAsync(ids.DueSoon))!.Version, RagStatus.Amber, "Slipping.")).Succeeded);
        Assert.True((await actions.AddUpdateAsync(ids.Overdue, (await actions.GetAsync(ids.Overdue))!.Version, new DateOnly(2026, 12, 1), "Recovery plan agreed.")).Succeeded);
        Assert.True((await actions.CompleteAsync(ids.Unassigned, (await actions.GetAsync(ids.Unassigned))!.Version, new DateOnly(2026, 12, 2), "Done early.")).Succeeded);

        var board = scope.Get<ActionBoard>();
        var (changes, total) = await board.ChangesSinceAsync(new(PlanId: ids.Plan), new DateOnly(2026, 12, 1));

        Assert.Equal(3, total);
        Assert.Contains(changes, c => c is { Kind: ActionBoard.ChangeKind.RagChanged, From: RagStatus.Green, To: RagStatus.Amber, Detail: "Slipping." } && c.ActionId == ids.DueSoon);
        Assert.Contains(changes, c => c.Kind == ActionBoard.ChangeKind.NewUpdate && c.Detail == "Recovery plan agreed." && c.By == "Tom Evans");
        Assert.Contains(changes, c => c.Kind == ActionBoard.ChangeKind.Completed && c.ActionId == ids.Unassigned);
        Assert.All(changes, c => Assert.Equal("Crisis Care Concordat action plan", c.PlanTitle));

        var (everything, all) = await board.ChangesSinceAsync(new(PlanId: ids.Plan), new DateOnly(2026, 11, 1), take: 2);
        Assert.Equal(2, everything.Count);
        Assert.Equal(3 + 4, all);
        Assert.True(everything[0].At >= everything[1].At);
    }

    [Fact]
    public async Task The_board_shows_only_plans_the_organisation_owns_and_leaves_out_closed_plans()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await BoardPlanAsync(app);
        await app.SignInAs(await OutsiderAsync(app));
        await using (var scope = app.CreateScope())
        {
            Assert.Empty(await scope.Get<ActionBoard>().CountsByPlanAsync(new()));
            Assert.Equal(0, (await scope.Get<ActionBoard>().ActionsAsync(new(), new())).Total);
        }

        await app.SignInAs(PortalRole.TeamManager);
        await using (var scope = app.CreateScope())
        {
            var plans = scope.Get<ActionPlanService>();
            Assert.True((await plans.SetStatusAsync(ids.Plan, (await plans.GetAsync(ids.Plan))!.Version, open: false)).Succeeded);
            Assert.DoesNotContain(await scope.Get<ActionBoard>().CountsByPlanAsync(new()), c => c.Id == ids.Plan);
        }
    }

    [Fact]
    public async Task Board_filters_stick_for_the_person_who_set_them()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await BoardPlanAsync(app);
        await using var scope = app.CreateScope();
        var board = scope.Get<ActionBoard>();
        Assert.Equal(ActionBoardPreference.DefaultStaleDays, (await board.GetPreferenceAsync()).StaleDays);

        Assert.True((await board.SavePreferenceAsync(new(ids.Plan, null, 45, new DateOnly(2026, 11, 1)))).Succeeded);
        Assert.True((await board.SavePreferenceAsync(new(ids.Plan, null, 90, new DateOnly(2026, 11, 1)))).Succeeded);
        Assert.False((await board.SavePreferenceAsync(new(null, null, 0, null))).Succeeded);

        Assert.Equal(new ActionBoard.Preference(ids.Plan, null, 90, new DateOnly(2026, 11, 1)), await board.GetPreferenceAsync());
        await app.SignInAs(PortalRole.ServiceManager);
        Assert.Null((await board.GetPreferenceAsync()).PlanId);
    }

    [Fact]
    public async Task Leads_get_one_reminder_a_month_when_an_update_is_due()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await BoardPlanAsync(app);
        var manager = await UserIdAsync(app, PortalRole.TeamManager);
        await using var scope = app.CreateScope();
        var reminders = scope.Get<ActionPlanReminders>();
        // The demo plans also name Tom as a lead; close them so only this test's plan counts.
        var plans = scope.Get<ActionPlanService>();
        foreach (var demo in (await plans.SearchAsync(new(Status: ActionPlanStatus.Active))).Rows.Where(r => r.Id != ids.Plan))
            Assert.True((await plans.SetStatusAsync(demo.Id, (await plans.GetAsync(demo.Id))!.Version, open: false)).Succeeded);

        Assert.Equal(1, await reminders.SendDueRemindersAsync());
        Assert.Equal(0, await reminders.SendDueRemindersAsync());

        await using (var db = await app.CreateDbContextAsync())
        {
            var sent = await db.Notifications.Where(n => n.RecipientId == manager && n.Link!.StartsWith(ActionPlanReminders.LinkPrefix)).ToListAsync();
            // Tom leads 1. (overdue, never updated) and 4. (complete): only 1. is due.
            Assert.Equal("An update is due on 1 action you lead.", Assert.Single(sent).Title);
        }

        // Tom updates it; next month nothing is due until a month has passed without an update.
        var actions = scope.Get<PlanActionService>();
        Assert.True((await actions.AddUpdateAsync(ids.Overdue, (await actions.GetAsync(ids.Overdue))!.Version, new DateOnly(2026, 11, 23), "Update.")).Succeeded);
        app.Clock.Advance(TimeSpan.FromDays(15)); // 8 December
        Assert.Equal(0, await reminders.SendDueRemindersAsync());
        app.Clock.Advance(TimeSpan.FromDays(20)); // 28 December: a month since the update
        Assert.Equal(1, await reminders.SendDueRemindersAsync());
        Assert.Equal(0, await reminders.SendDueRemindersAsync());
    }
}
