using Portal.Core;
using Portal.Core.ActionPlans;
using Portal.Core.Rag;
using Xunit;

namespace Portal.Tests.Core.ActionPlans;

public class PlanActionTests
{
    private static readonly DateTimeOffset Now = new(2015, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Manager = Guid.NewGuid();

    private static (ActionPlan Plan, PlanAction Action) NewAction(Timescale? timescale = null)
    {
        var plan = new ActionPlan("Crisis Care Concordat action plan", ActionPlanType.StrategicPlan, [Guid.NewGuid()], Now);
        var section = plan.AddSection("Commissioning to allow earlier intervention and responsive crisis services");
        var action = plan.CreateAction(section.Id, 1, new ActionDetails(
            Number: "2.", Scope: ActionScope.Countywide,
            ActionText: "To develop a local model for street triage across Bedfordshire and Luton.",
            Timescale: timescale ?? Timescale.InMonth(2016, 3)), Now);
        return (plan, action);
    }

    [Fact]
    public void Every_RAG_change_is_kept_with_who_when_from_to_and_rationale()
    {
        var (_, action) = NewAction();
        action.ChangeRag(RagStatus.Green, "Business case submitted.", Manager, "Tom Evans", Now);
        action.ChangeRag(RagStatus.Amber, "Decision delayed to December.", Manager, "Tom Evans", Now.AddDays(7));

        Assert.Equal(RagStatus.Amber, action.Rag);
        Assert.Equal("Decision delayed to December.", action.RagRationale);
        Assert.Collection(action.RagHistory,
            latest =>
            {
                Assert.Equal(RagStatus.Green, latest.From);
                Assert.Equal(RagStatus.Amber, latest.To);
                Assert.Equal("Decision delayed to December.", latest.Rationale);
                Assert.Equal(Manager, latest.ByUserId);
                Assert.Equal("Tom Evans", latest.ByName);
                Assert.Equal(Now.AddDays(7), latest.At);
            },
            first =>
            {
                Assert.Null(first.From);
                Assert.Equal(RagStatus.Green, first.To);
            });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_RAG_change_needs_a_rationale(string rationale)
    {
        var (_, action) = NewAction();
        var ex = Assert.Throws<DomainRuleException>(() => action.ChangeRag(RagStatus.Red, rationale, Manager, "Tom Evans", Now));
        Assert.Contains("Rationale", ex.Message);
        Assert.Null(action.Rag);
        Assert.Empty(action.RagHistory);
    }

    [Fact]
    public void Setting_the_RAG_it_already_has_is_refused_rather_than_ignored()
    {
        var (_, action) = NewAction();
        action.ChangeRag(RagStatus.Green, "On track.", Manager, "Tom Evans", Now);
        Assert.Throws<DomainRuleException>(() => action.ChangeRag(RagStatus.Green, "Still on track.", Manager, "Tom Evans", Now));
        Assert.Single(action.RagHistory);
    }

    [Fact]
    public void Complete_is_reached_only_through_mark_complete_which_records_the_date()
    {
        var (_, action) = NewAction();
        Assert.Throws<DomainRuleException>(() => action.ChangeRag(RagStatus.Complete, "Done.", Manager, "Tom Evans", Now));

        action.Complete(new DateOnly(2015, 11, 18), "Street triage commissioned.", Manager, "Tom Evans", Now);

        Assert.True(action.IsComplete);
        Assert.Equal(new DateOnly(2015, 11, 18), action.CompletedOn);
        Assert.Equal(RagStatus.Complete, action.RagHistory[0].To);
        Assert.Throws<DomainRuleException>(() => action.Complete(new DateOnly(2015, 11, 19), "Again.", Manager, "Tom Evans", Now));
    }

    [Fact]
    public void Reopening_a_complete_action_clears_its_completion_date_and_keeps_the_history()
    {
        var (_, action) = NewAction();
        action.Complete(new DateOnly(2015, 11, 18), "Done.", Manager, "Tom Evans", Now);
        action.ChangeRag(RagStatus.Amber, "Funding withdrawn; reopened.", Manager, "Tom Evans", Now.AddDays(1));

        Assert.Null(action.CompletedOn);
        Assert.Equal(RagStatus.Amber, action.Rag);
        Assert.Equal(RagStatus.Complete, action.RagHistory[0].From);
        Assert.Equal(2, action.RagHistory.Count);
    }

    [Fact]
    public void A_completion_date_in_the_future_is_refused()
    {
        var (_, action) = NewAction();
        Assert.Throws<DomainRuleException>(() => action.Complete(new DateOnly(2016, 1, 1), "Done.", Manager, "Tom Evans", Now));
        Assert.False(action.IsComplete);
    }

    [Fact]
    public void Updates_form_a_dated_history_and_the_latest_date_is_the_newest_as_at_date()
    {
        var (_, action) = NewAction();
        action.AddUpdate(new DateOnly(2015, 11, 1), "Outline Business Case has been submitted to the Senior Management Group.", Manager, "Tom Evans", Now);
        action.AddUpdate(new DateOnly(2015, 9, 1), "An older update typed in late.", Manager, "Tom Evans", Now.AddMinutes(5));

        Assert.Equal(new DateOnly(2015, 11, 1), action.LatestUpdateOn);
        Assert.Equal(2, action.Updates.Count);
        Assert.StartsWith("Outline Business Case", action.LatestUpdate!.Text);
    }

    [Fact]
    public void An_update_dated_in_the_future_is_refused()
    {
        var (_, action) = NewAction();
        Assert.Throws<DomainRuleException>(() => action.AddUpdate(new DateOnly(2015, 12, 25), "Not yet.", Manager, "Tom Evans", Now));
        Assert.Empty(action.Updates);
        Assert.Null(action.LatestUpdateOn);
    }

    [Fact]
    public void Suggesting_a_RAG_never_changes_the_RAG()
    {
        var (_, action) = NewAction(Timescale.InMonth(2015, 9));
        action.ChangeRag(RagStatus.Green, "On track.", Manager, "Tom Evans", Now);

        var suggestion = action.SuggestRag(new DateOnly(2015, 11, 20));

        Assert.Equal(RagStatus.Red, suggestion!.Suggested);
        Assert.Equal(RagStatus.Green, action.Rag);
        Assert.Single(action.RagHistory);
    }

    [Fact]
    public void Leads_can_be_portal_users_or_people_and_organisations_outside_the_portal()
    {
        var (_, action) = NewAction();
        var userId = Guid.NewGuid();
        action.SetLeads([new LeadInput("Jaki Whittred, Beds Police"), new LeadInput("Tom Evans", userId)], Now);

        Assert.Equal(["Jaki Whittred, Beds Police", "Tom Evans"], action.Leads.Select(l => l.Name));
        Assert.True(action.IsLedBy(userId));
        Assert.False(action.IsLedBy(Guid.NewGuid()));
    }

    [Fact]
    public void The_same_lead_twice_is_refused()
    {
        var (_, action) = NewAction();
        Assert.Throws<DomainRuleException>(() => action.SetLeads([new LeadInput("ELFT – Diane Hull"), new LeadInput("elft – diane hull")], Now));
    }

    [Fact]
    public void An_action_needs_some_words()
    {
        var (_, action) = NewAction();
        Assert.Throws<DomainRuleException>(() => action.Edit(new ActionDetails(Number: "3."), Now));
        // A row that continues the one above (seed 002, action 1's second row) has only outcomes.
        action.Edit(new ActionDetails(Outcomes: "As above", Timescale: Timescale.InMonth(2016, 4)), Now);
        Assert.Null(action.Number);
        Assert.Equal(new DateOnly(2016, 4, 30), action.DueBy);
    }

    [Fact]
    public void The_serious_incident_fields_are_kept_word_for_word()
    {
        var (_, action) = NewAction();
        action.Edit(new ActionDetails(
            Number: "4.",
            IssueIdentified: "Livewell Southwest must provide assurance to their commissioners and the Board that risk assessments are undertaken and documented in accordance with organisational policy.",
            ActionText: "Review of standards of risk assessments",
            DateNote: "2017",
            CompletionNote: "10/2021"), Now);

        Assert.Equal("2017", action.DateNote);
        Assert.Equal("10/2021", action.CompletionNote);
        Assert.StartsWith("Livewell Southwest must provide assurance", action.IssueIdentified);
    }
}
