using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.ActionPlans;

namespace Portal.App.Features.ActionPlans;

/// <summary>
/// Who sees what: a plan is visible to the organisations that own it; an action is also visible to a
/// portal user who leads it, wherever the plan lives, so leads can add their updates.
/// </summary>
internal static class ActionPlanAccess
{
    public static IQueryable<ActionPlan> VisiblePlans(this PortalDbContext db, UserContext me) =>
        db.ActionPlans.Where(p => p.Owners.Any(o => o.OrganisationId == me.OrganisationId));

    public static IQueryable<PlanAction> VisibleActions(this PortalDbContext db, UserContext me) =>
        db.PlanActions.Where(a => db.ActionPlans.Any(p => p.Id == a.PlanId && p.Owners.Any(o => o.OrganisationId == me.OrganisationId))
                                  || a.Leads.Any(l => l.UserId == me.UserId));

    public static bool IsEditor(this UserContext me) => me.IsInAnyRole(Policies.ActionPlanEditorRoles);

    public static bool CanEdit(this UserContext me, ActionPlan plan) => me.IsEditor() && plan.IsOwnedBy(me.OrganisationId);

    /// <summary>Editors of the owning organisation, and the action's own leads, may add updates and set the RAG.</summary>
    public static bool CanUpdate(this UserContext me, ActionPlan plan, PlanAction action) => me.CanEdit(plan) || action.IsLedBy(me.UserId);
}

/// <summary>Today's date in England, where every plan's timescales are written.</summary>
public static class UkDate
{
    private static readonly TimeZoneInfo London = FindLondon();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);

    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
