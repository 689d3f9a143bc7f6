using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Data;
using Portal.App.Data.Demo;
using Portal.App.Features.ActionPlans;
using Portal.Core.ActionPlans;
using Portal.Core.Organisations;
using Portal.Core.Rag;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.ActionPlans.ActionPlanTestData;

namespace Portal.Tests.Data.ActionPlans;

public class ActionPlanDemoTests
{
    [Fact]
    public async Task The_demo_holds_the_seed_002_plan_word_for_word_and_seeding_again_adds_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await using (var scope = app.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.ActionPlans.CountAsync(p => p.Title == ActionPlanDemo.CrisisCareTitle));
        Assert.Equal(1, await db.ActionPlans.CountAsync(p => p.Title == ActionPlanDemo.SeriousIncidentTitle));

        await app.SignInAs(PortalRole.TeamManager);
        await using var read = app.CreateScope();
        var planId = await db.ActionPlans.Where(p => p.Title == ActionPlanDemo.CrisisCareTitle).Select(p => p.Id).SingleAsync();
        var plan = await read.Get<ActionPlanService>().GetAsync(planId);
        Assert.Equal(
            ["1. Commissioning to allow earlier intervention and responsive crisis services", "2. Access to support before crisis point",
             "3. Urgent and emergency access to crisis care", "4. Quality of treatment and care when in crisis", "5. Recovery and staying well / preventing future crisis"],
            plan!.Sections.Select(s => s.Heading));
        var triage = plan.AllActions.Single(a => a.Number == "2.");
        Assert.Equal("To develop a local model for street triage across Bedfordshire and Luton.", triage.ActionText);
        Assert.Equal(("March 2016", ActionScope.Countywide), (triage.Timescale.ToString(), triage.Scope));
        Assert.Equal(new DateOnly(2015, 11, 1), triage.LatestUpdateOn);
        Assert.StartsWith("Outline Business Case has been submitted to the Senior Management Group.", triage.LatestUpdate);
        Assert.Equal(["ELFT – Gail Dearing", "BBC – Marek Zamborsky", "CBC – Paul Groom", "LBC – Amy Kay"], plan.AllActions.Single(a => a.Number == "6.").Leads);
        Assert.Equal(RagStatus.Complete, plan.AllActions.Single(a => a.Number == "8.").Rag);
    }

    [Fact]
    public async Task The_demo_holds_the_seed_003_recommendations_with_issue_actions_review_lead_and_dates()
    {
        await using var app = await TestApp.StartAsync();
        await using var db = await app.CreateDbContextAsync();
        var planId = await db.ActionPlans.Where(p => p.Title == ActionPlanDemo.SeriousIncidentTitle).Select(p => p.Id).SingleAsync();
        await app.SignInAs(PortalRole.TeamManager);
        await using var scope = app.CreateScope();
        var plan = await scope.Get<ActionPlanService>().GetAsync(planId);

        Assert.Equal(ActionPlanType.SeriousIncidentRecommendations, plan!.Type);
        var fourth = plan.AllActions.Single(a => a.Number == "4.");
        Assert.StartsWith("Livewell Southwest must provide assurance to their commissioners and the Board that risk assessments", fourth.IssueIdentified);
        Assert.Equal("Review of standards of risk assessments", fourth.ActionText);
        Assert.Equal(["Deputy Head of Service"], fourth.Leads);
        Assert.Equal(("2017", "10/2021"), (fourth.DateNote, fourth.CompletionNote));
        Assert.Equal(new DateOnly(2020, 11, 1), fourth.LatestUpdateOn);
    }

    [Fact]
    public async Task My_work_lists_the_demo_actions_the_team_manager_leads_that_are_overdue()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.TeamManager);
        await using var scope = app.CreateScope();
        var (rows, total) = await scope.Get<PlanActionService>().MyDueActionsAsync();
        Assert.Equal(1, total); // Action 14 (Sept 2015); recommendation 9 has no timescale.
        Assert.Equal("14.", rows.Single().Number);

        await app.SignInAs(PortalRole.Practitioner);
        Assert.Equal(0, (await scope.Get<PlanActionService>().MyDueActionsAsync()).Total);
    }
}
