using Portal.App.Features;
using Portal.App.Features.ActionPlans;
using Portal.Core.ActionPlans;
using Portal.Core.Organisations;
using Portal.Core.Rag;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.ActionPlans.ActionPlanTestData;

namespace Portal.Tests.Data.ActionPlans;

public class ActionPlanServiceTests
{
    [Fact]
    public async Task A_plan_page_groups_actions_by_section_with_leads_latest_update_and_RAG()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, sectionId) = await NewPlanAsync(app);
        var manager = await UserIdAsync(app, PortalRole.TeamManager);
        var actionId = await NewActionAsync(app, planId, sectionId, "1.", "June 2015",
            new LeadInput("LBC  - Stephen Gunther"), new LeadInput("Tom Evans", manager));

        await using var scope = app.CreateScope();
        var actions = scope.Get<PlanActionService>();
        var view = await actions.GetAsync(actionId);
        Assert.True((await actions.AddUpdateAsync(actionId, view!.Version, new DateOnly(2015, 11, 1), "Mental Health JSNA published.")).Succeeded);
        view = await actions.GetAsync(actionId);
        Assert.True((await actions.ChangeRagAsync(actionId, view!.Version, RagStatus.Amber, "Baseline work still needed.")).Succeeded);

        var plan = await scope.Get<ActionPlanService>().GetAsync(planId);

        var section = Assert.Single(plan!.Sections);
        Assert.Equal("1. Commissioning to allow earlier intervention and responsive crisis services", section.Heading);
        var row = Assert.Single(section.Actions);
        Assert.Equal("1.", row.Number);
        Assert.Equal(RagStatus.Amber, row.Rag);
        Assert.Equal("June 2015", row.Timescale.ToString());
        Assert.Equal(["LBC  - Stephen Gunther", "Tom Evans"], row.Leads);
        Assert.Equal("Mental Health JSNA published.", row.LatestUpdate);
        Assert.True(plan.CanEdit);

        var (rows, total) = await scope.Get<ActionPlanService>().SearchAsync(new ActionPlanService.PlanQuery(Search: "crisis care"));
        var listed = Assert.Single(rows, r => r.Id == planId);
        Assert.True(total >= 1);
        Assert.Equal((1, 1, 0, 1), (listed.Actions, listed.Amber, listed.Red, listed.Overdue));
    }

    [Fact]
    public async Task A_user_of_another_organisation_sees_nothing_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, sectionId) = await NewPlanAsync(app);
        var actionId = await NewActionAsync(app, planId, sectionId, "1.", "March 2016");
        await using var scope = app.CreateScope();
        var plan = await scope.Get<ActionPlanService>().GetAsync(planId);

        await app.SignInAs(await OutsiderAsync(app));

        Assert.Null(await scope.Get<ActionPlanService>().GetAsync(planId));
        Assert.DoesNotContain((await scope.Get<ActionPlanService>().SearchAsync(new())).Rows, r => r.Id == planId);
        Assert.Null(await scope.Get<PlanActionService>().GetAsync(actionId));
        Assert.False((await scope.Get<PlanActionService>().AddUpdateAsync(actionId, 0, new DateOnly(2016, 1, 1), "Sneaky")).Succeeded);
        Assert.False((await scope.Get<ActionPlanService>().AddSectionAsync(planId, plan!.Version, "Sneaky")).Succeeded);
        var (created, _) = await scope.Get<PlanActionService>().CreateAsync(planId, new PlanActionService.ActionInput(sectionId, ActionText: "Sneaky"));
        Assert.False(created.Succeeded);
    }

    [Fact]
    public async Task A_visiting_professional_cannot_use_action_plans()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.VisitingProfessional);
        await using var scope = app.CreateScope();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.Get<ActionPlanService>().SearchAsync(new()));
    }

    [Fact]
    public async Task A_practitioner_can_read_plans_but_not_create_them()
    {
        await using var app = await TestApp.StartAsync();
        var cbc = await OrganisationIdAsync(app, "Central Bedfordshire Council");
        await app.SignInAs(PortalRole.Practitioner);
        await using var scope = app.CreateScope();
        await scope.Get<ActionPlanService>().SearchAsync(new());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scope.Get<ActionPlanService>().CreateAsync(new("Plan", ActionPlanType.AuditImprovement, null, 1, [cbc])));
    }

    [Fact]
    public async Task A_plan_must_include_the_creators_own_organisation()
    {
        await using var app = await TestApp.StartAsync();
        var luton = await OrganisationIdAsync(app, "Luton Borough Council");
        await app.SignInAs(PortalRole.TeamManager);
        await using var scope = app.CreateScope();
        var (result, id) = await scope.Get<ActionPlanService>().CreateAsync(new("Plan", ActionPlanType.AuditImprovement, null, 1, [luton]));
        Assert.False(result.Succeeded);
        Assert.Null(id);
    }

    [Fact]
    public async Task Two_people_saving_the_same_version_of_an_action_cannot_overwrite_each_other()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, sectionId) = await NewPlanAsync(app);
        var actionId = await NewActionAsync(app, planId, sectionId, "1.", "March 2016");
        await using var scope = app.CreateScope();
        var actions = scope.Get<PlanActionService>();
        var loaded = await actions.GetAsync(actionId);

        var first = await actions.ChangeRagAsync(actionId, loaded!.Version, RagStatus.Green, "On track.");
        var second = await actions.AddUpdateAsync(actionId, loaded.Version, new DateOnly(2016, 1, 1), "Typed on a stale page.");

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(ServiceResultExtensions.ConcurrencyMessage, second.Error);
        Assert.Empty((await actions.GetAsync(actionId))!.Updates);
    }

    [Fact]
    public async Task Two_editors_changing_sections_of_the_same_plan_version_conflict()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, _) = await NewPlanAsync(app);
        await using var scope = app.CreateScope();
        var plans = scope.Get<ActionPlanService>();
        var version = (await plans.GetAsync(planId))!.Version;

        Assert.True((await plans.AddSectionAsync(planId, version, "Access to support before crisis point")).Succeeded);
        var second = await plans.AddSectionAsync(planId, version, "Urgent and emergency access to crisis care");

        Assert.Equal(ServiceResultExtensions.ConcurrencyMessage, second.Error);
        Assert.Equal(2, (await plans.GetAsync(planId))!.Sections.Count);
    }

    [Fact]
    public async Task A_lead_who_is_a_portal_user_can_update_their_own_action_but_not_edit_it_or_touch_others()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, sectionId) = await NewPlanAsync(app);
        var practitioner = await UserIdAsync(app, PortalRole.Practitioner);
        var mine = await NewActionAsync(app, planId, sectionId, "1.", "March 2016", new LeadInput("Priya Patel", practitioner));
        var notMine = await NewActionAsync(app, planId, sectionId, "2.", "March 2016", new LeadInput("Jaki Whittred"));

        await app.SignInAs(PortalRole.Practitioner);
        await using var scope = app.CreateScope();
        var actions = scope.Get<PlanActionService>();
        var view = await actions.GetAsync(mine);
        Assert.True(view!.CanUpdate);
        Assert.False(view.CanEdit);

        Assert.True((await actions.AddUpdateAsync(mine, view.Version, new DateOnly(2026, 11, 20), "Pilot under way.")).Succeeded);
        var other = await actions.GetAsync(notMine);
        Assert.False(other!.CanUpdate);
        Assert.False((await actions.AddUpdateAsync(notMine, other.Version, new DateOnly(2026, 11, 20), "Not mine.")).Succeeded);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            actions.EditAsync(mine, view.Version + 1, new PlanActionService.ActionInput(sectionId, ActionText: "Rewritten")));
    }

    [Fact]
    public async Task A_RAG_change_without_a_rationale_is_a_form_error_and_the_history_keeps_every_change()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, sectionId) = await NewPlanAsync(app);
        var actionId = await NewActionAsync(app, planId, sectionId, "1.", "March 2016");
        await using var scope = app.CreateScope();
        var actions = scope.Get<PlanActionService>();

        var refused = await actions.ChangeRagAsync(actionId, (await actions.GetAsync(actionId))!.Version, RagStatus.Red, " ");
        Assert.Contains("Rationale", refused.Error);

        Assert.True((await actions.ChangeRagAsync(actionId, (await actions.GetAsync(actionId))!.Version, RagStatus.Green, "Funding agreed.")).Succeeded);
        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.True((await actions.CompleteAsync(actionId, (await actions.GetAsync(actionId))!.Version, new DateOnly(2026, 11, 25), "Service live.")).Succeeded);

        var view = await actions.GetAsync(actionId);
        Assert.Equal(RagStatus.Complete, view!.Rag);
        Assert.Equal(new DateOnly(2026, 11, 25), view.CompletedOn);
        Assert.Collection(view.RagHistory,
            c => Assert.Equal((RagStatus?)RagStatus.Green, c.From),
            c => Assert.Equal((null as RagStatus?, RagStatus.Green, "Tom Evans"), (c.From, c.To, c.ByName)));
    }

    [Fact]
    public async Task An_unreadable_timescale_is_a_form_error_that_names_the_words()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, sectionId) = await NewPlanAsync(app);
        await using var scope = app.CreateScope();
        var (result, _) = await scope.Get<PlanActionService>().CreateAsync(planId,
            new PlanActionService.ActionInput(sectionId, ActionText: "Do it", Timescale: "sometime soon"));
        Assert.Contains("sometime soon", result.Error);
    }

    [Fact]
    public async Task The_suggestion_is_shown_but_never_applied()
    {
        await using var app = await TestApp.StartAsync();
        var (planId, sectionId) = await NewPlanAsync(app);
        var actionId = await NewActionAsync(app, planId, sectionId, "1.", "March 2016");
        await using var scope = app.CreateScope();
        var actions = scope.Get<PlanActionService>();
        Assert.True((await actions.ChangeRagAsync(actionId, (await actions.GetAsync(actionId))!.Version, RagStatus.Green, "On track.")).Succeeded);

        var view = await actions.GetAsync(actionId);

        Assert.Equal(RagStatus.Red, view!.Suggestion!.Suggested);
        Assert.Equal(RagStatus.Green, view.Rag);
    }
}
