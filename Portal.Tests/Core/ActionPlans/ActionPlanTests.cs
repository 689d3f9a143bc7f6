using Portal.Core;
using Portal.Core.ActionPlans;
using Xunit;

namespace Portal.Tests.Core.ActionPlans;

public class ActionPlanTests
{
    private static readonly DateTimeOffset Now = new(2015, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sections_are_numbered_in_order_and_a_number_cannot_be_used_twice()
    {
        var plan = new ActionPlan("Crisis Care Concordat", ActionPlanType.StrategicPlan, [Guid.NewGuid()], Now);
        var first = plan.AddSection("Commissioning to allow earlier intervention and responsive crisis services");
        var second = plan.AddSection("Access to support before crisis point");

        Assert.Equal(1, first.Number);
        Assert.Equal("2. Access to support before crisis point", second.Heading);
        Assert.Throws<DomainRuleException>(() => plan.AddSection("Duplicate", 2));
        Assert.Throws<DomainRuleException>(() => plan.RenameSection(first.Id, first.Title, 2));
    }

    [Fact]
    public void A_plan_needs_an_owning_organisation_and_can_have_several()
    {
        Assert.Throws<DomainRuleException>(() => new ActionPlan("Plan", ActionPlanType.StrategicPlan, [], Now));
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var plan = new ActionPlan("Plan", ActionPlanType.StrategicPlan, [a, b, a], Now);
        Assert.Equal(2, plan.Owners.Count);
        Assert.True(plan.IsOwnedBy(b));
        Assert.False(plan.IsOwnedBy(Guid.NewGuid()));
        Assert.False(plan.IsOwnedBy(null));
    }

    [Fact]
    public void A_closed_plan_takes_no_new_sections_or_actions_until_reopened()
    {
        var plan = new ActionPlan("Plan", ActionPlanType.AuditImprovement, [Guid.NewGuid()], Now);
        var section = plan.AddSection("Recording");
        plan.Close(Now);

        Assert.Throws<DomainRuleException>(() => plan.AddSection("More"));
        Assert.Throws<DomainRuleException>(() => plan.CreateAction(section.Id, 1, new ActionDetails(ActionText: "Do it"), Now));

        plan.Activate();
        Assert.Equal(section.Id, plan.CreateAction(section.Id, 1, new ActionDetails(ActionText: "Do it"), Now).SectionId);
    }

    [Fact]
    public void An_action_can_only_go_into_a_section_of_its_own_plan()
    {
        var plan = new ActionPlan("Plan", ActionPlanType.StrategicPlan, [Guid.NewGuid()], Now);
        var other = new ActionPlan("Other", ActionPlanType.StrategicPlan, [Guid.NewGuid()], Now);
        var foreign = other.AddSection("Elsewhere");
        Assert.Throws<DomainRuleException>(() => plan.CreateAction(foreign.Id, 1, new ActionDetails(ActionText: "Do it"), Now));
    }

    [Fact]
    public void A_section_with_actions_cannot_be_removed()
    {
        var plan = new ActionPlan("Plan", ActionPlanType.StrategicPlan, [Guid.NewGuid()], Now);
        var section = plan.AddSection("Recording");
        Assert.Throws<DomainRuleException>(() => plan.RemoveSection(section.Id, actionCount: 1));
        plan.RemoveSection(section.Id, actionCount: 0);
        Assert.Empty(plan.Sections);
    }

    [Fact]
    public void Updates_are_asked_for_monthly_unless_the_plan_says_otherwise_within_a_year()
    {
        var plan = new ActionPlan("Plan", ActionPlanType.StrategicPlan, [Guid.NewGuid()], Now);
        Assert.Equal(1, plan.UpdateFrequencyMonths);
        Assert.Throws<DomainRuleException>(() => plan.UpdateDetails("Plan", plan.Type, null, 13));
        plan.UpdateDetails("Plan", plan.Type, null, 3);
        Assert.Equal(3, plan.UpdateFrequencyMonths);
    }
}
