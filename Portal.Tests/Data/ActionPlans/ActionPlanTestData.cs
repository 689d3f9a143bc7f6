using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Data;
using Portal.App.Features.ActionPlans;
using Portal.Core.ActionPlans;
using Portal.Core.Organisations;
using Portal.Tests.Support;
using Xunit;

namespace Portal.Tests.Data.ActionPlans;

internal static class ActionPlanTestData
{
    public static async Task<Guid> OrganisationIdAsync(TestApp app, string name)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    public static async Task<Guid> UserIdAsync(TestApp app, PortalRole role)
    {
        await using var db = await app.CreateDbContextAsync();
        var email = DemoData.EmailFor(role);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A Team Manager in another organisation, to prove scoping.</summary>
    public static async Task<Guid> OutsiderAsync(TestApp app, string organisation = "Bedfordshire Police")
    {
        await using var db = await app.CreateDbContextAsync();
        var org = await db.Organisations.SingleAsync(o => o.Name == organisation);
        var user = new PortalUser("Olu Outsider", $"outsider{Guid.NewGuid():N}@police.example", org, "Team Manager");
        user.GrantRole(PortalRole.TeamManager);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static T Get<T>(this AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A plan owned by Central Bedfordshire Council with one section, as the Team Manager.</summary>
    public static async Task<(Guid PlanId, Guid SectionId)> NewPlanAsync(TestApp app, string title = "Crisis Care Concordat action plan")
    {
        await app.SignInAs(PortalRole.TeamManager);
        var cbc = await OrganisationIdAsync(app, "Central Bedfordshire Council");
        await using var scope = app.CreateScope();
        var plans = scope.Get<ActionPlanService>();
        var (result, id) = await plans.CreateAsync(new ActionPlanService.PlanInput(title, ActionPlanType.StrategicPlan, null, 1, [cbc]));
        Assert.True(result.Succeeded, result.Error);
        var plan = await plans.GetAsync(id!.Value);
        Assert.True((await plans.AddSectionAsync(id.Value, plan!.Version, "Commissioning to allow earlier intervention and responsive crisis services")).Succeeded);
        plan = await plans.GetAsync(id.Value);
        return (id.Value, plan!.Sections.Single().Id);
    }

    public static async Task<Guid> NewActionAsync(TestApp app, Guid planId, Guid sectionId, string number, string? timescale, params LeadInput[] leads)
    {
        await using var scope = app.CreateScope();
        var (result, id) = await scope.Get<PlanActionService>().CreateAsync(planId, new PlanActionService.ActionInput(
            sectionId, Number: number, Scope: ActionScope.Local, ActionText: $"Action {number}", Timescale: timescale, Leads: leads));
        Assert.True(result.Succeeded, result.Error);
        return id!.Value;
    }
}
