using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core;
using Portal.Core.ActionPlans;
using Portal.Core.Rag;

namespace Portal.App.Features.ActionPlans;

/// <summary>
/// One action: its details and leads (editors of the owning organisation), and its dated updates, RAG and
/// completion (editors, and the action's own leads who are portal users).
/// </summary>
public sealed class PlanActionService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record ActionInput(
        Guid SectionId,
        string? Number = null,
        string? SubHeading = null,
        ActionScope? Scope = null,
        string? ActionText = null,
        string? IssueIdentified = null,
        string? Timescale = null,
        string? DateNote = null,
        string? CompletionNote = null,
        string? Outcomes = null,
        string? Evidence = null,
        IReadOnlyList<LeadInput>? Leads = null,
        ActionPlanService.SourceInput? Source = null);

    public sealed record UpdateItem(DateOnly AsOf, string Text, string AuthorName, DateTimeOffset RecordedAt);

    public sealed record RagChangeItem(RagStatus? From, RagStatus To, string Rationale, string ByName, DateTimeOffset At);

    public sealed record LeadItem(string Name, Guid? UserId);

    public sealed record SectionOption(Guid Id, string Heading);

    public sealed record ActionView(Guid Id, int Version, Guid PlanId, string PlanTitle, ActionPlanType PlanType, bool PlanClosed,
        Guid SectionId, string SectionHeading, string? Number, string? SubHeading, ActionScope? Scope, string? ActionText,
        string? IssueIdentified, Timescale? Timescale, string? DateNote, string? CompletionNote, string? Outcomes, string? Evidence,
        RagStatus? Rag, string? RagRationale, DateOnly? CompletedOn, ActionPlanService.SourceInput? Source,
        IReadOnlyList<LeadItem> Leads, IReadOnlyList<UpdateItem> Updates, IReadOnlyList<RagChangeItem> RagHistory,
        RagSuggestion? Suggestion, bool CanEdit, bool CanUpdate, IReadOnlyList<SectionOption> Sections);

    public sealed record MyActionRow(Guid Id, Guid PlanId, string PlanTitle, string? Number, string? ActionText, string? IssueIdentified,
        RagStatus? Rag, DateOnly? DueBy, DateOnly? TimescaleStart, bool TimescaleIsMonth, DateOnly? LatestUpdateOn)
    {
        public Timescale? Timescale => Portal.Core.ActionPlans.Timescale.FromStored(TimescaleStart, TimescaleIsMonth);
    }

    public sealed record PersonOption(Guid Id, string Name);

    public async Task<ActionView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var action = await db.VisibleActions(me).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
            return null;
        var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Sections).SingleAsync(p => p.Id == action.PlanId, cancellationToken);
        var section = plan.FindSection(action.SectionId);
        var source = action.Source is { } s ? new ActionPlanService.SourceInput(s.Type, s.Reference, s.Label) : null;
        return new ActionView(action.Id, action.Version, plan.Id, plan.Title, plan.Type, plan.Status == ActionPlanStatus.Closed,
            section.Id, section.Heading, action.Number, action.SubHeading, action.Scope, action.ActionText, action.IssueIdentified,
            action.Timescale, action.DateNote, action.CompletionNote, action.Outcomes, action.Evidence, action.Rag, action.RagRationale,
            action.CompletedOn, source,
            action.Leads.Select(l => new LeadItem(l.Name, l.UserId)).ToList(),
            action.Updates.Select(u => new UpdateItem(u.AsOf, u.Text, u.AuthorName, u.RecordedAt)).ToList(),
            action.RagHistory.Select(r => new RagChangeItem(r.From, r.To, r.Rationale, r.ByName, r.At)).ToList(),
            action.SuggestRag(UkDate.Today(clock)),
            me.CanEdit(plan), me.CanUpdate(plan, action),
            plan.Sections.Select(x => new SectionOption(x.Id, x.Heading)).ToList());
    }

    public async Task<(ServiceResult Result, Guid? Id)> CreateAsync(Guid planId, ActionInput input, RagStatus? initialRag = null, string? rationale = null)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        var plan = await db.VisiblePlans(me).AsNoTracking().Include(p => p.Sections).FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
            return (ServiceResult.Fail("That plan does not exist or is not owned by your organisation."), null);
        if (!TryTimescale(input.Timescale, out var timescale, out var problem))
            return (ServiceResult.Fail(problem!), null);
        var position = (await db.PlanActions.Where(a => a.PlanId == planId && a.SectionId == input.SectionId).MaxAsync(a => (int?)a.Position) ?? 0) + 1;
        var now = clock.GetUtcNow();
        PlanAction? action = null;
        var result = await db.TrySaveAsync(() =>
        {
            action = plan.CreateAction(input.SectionId, position, Details(input, timescale), now);
            action.SetLeads(input.Leads ?? [], now);
            if (initialRag is { } rag && rag != RagStatus.Complete)
                action.ChangeRag(rag, string.IsNullOrWhiteSpace(rationale) ? "Set when the action was added." : rationale, me.UserId, me.DisplayName, now);
            db.PlanActions.Add(action);
        });
        return (result, result.Succeeded ? action!.Id : null);
    }

    public async Task<ServiceResult> EditAsync(Guid id, int version, ActionInput input)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        var (plan, action, error) = await LoadAsync(db, me, id, version);
        if (error is not null)
            return error;
        if (!me.CanEdit(plan!))
            return ServiceResult.Fail("Only editors in an organisation that owns this plan can change the action itself.");
        if (!TryTimescale(input.Timescale, out var timescale, out var problem))
            return ServiceResult.Fail(problem!);
        var now = clock.GetUtcNow();
        return await db.TrySaveAsync(() =>
        {
            plan!.EnsureOpen();
            if (input.SectionId != action!.SectionId)
                action.MoveTo(plan.FindSection(input.SectionId).Id, action.Position, now);
            action.Edit(Details(input, timescale), now);
            action.SetLeads(input.Leads ?? [], now);
        });
    }

    public async Task<ServiceResult> AddUpdateAsync(Guid id, int version, DateOnly asOf, string text) =>
        await ChangeAsync(id, version, (action, me, now) => action.AddUpdate(asOf, text, me.UserId, me.DisplayName, now));

    public async Task<ServiceResult> ChangeRagAsync(Guid id, int version, RagStatus to, string rationale) =>
        await ChangeAsync(id, version, (action, me, now) => action.ChangeRag(to, rationale, me.UserId, me.DisplayName, now));

    public async Task<ServiceResult> CompleteAsync(Guid id, int version, DateOnly completedOn, string rationale) =>
        await ChangeAsync(id, version, (action, me, now) => action.Complete(completedOn, rationale, me.UserId, me.DisplayName, now));

    /// <summary>Actions I lead that are not complete and due within <paramref name="withinDays"/> days or overdue, soonest first.</summary>
    public async Task<(IReadOnlyList<MyActionRow> Rows, int Total)> MyDueActionsAsync(int withinDays = 30, int skip = 0, int take = 10)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        var horizon = UkDate.Today(clock).AddDays(withinDays);
        var actions = db.PlanActions.AsNoTracking()
            .Where(a => a.Leads.Any(l => l.UserId == me.UserId) && a.Rag != RagStatus.Complete && a.DueBy != null && a.DueBy <= horizon)
            .Where(a => db.ActionPlans.Any(p => p.Id == a.PlanId && p.Status != ActionPlanStatus.Closed));
        var total = await actions.CountAsync();
        var rows = await actions.OrderBy(a => a.DueBy).Skip(skip).Take(Math.Clamp(take, 1, 100))
            .Select(a => new MyActionRow(a.Id, a.PlanId, db.ActionPlans.Where(p => p.Id == a.PlanId).Select(p => p.Title).First(),
                a.Number, a.ActionText, a.IssueIdentified, a.Rag, a.DueBy, a.TimescaleStart, a.TimescaleIsMonth, a.LatestUpdateOn))
            .ToListAsync();
        return (rows, total);
    }

    /// <summary>Portal users who can be named as leads: enabled people in the plan's owning organisations.</summary>
    public async Task<IReadOnlyList<PersonOption>> LeadOptionsAsync(Guid planId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        var owners = db.VisiblePlans(me).Where(p => p.Id == planId).SelectMany(p => p.Owners.Select(o => o.OrganisationId));
        return await db.Users.AsNoTracking().Where(u => u.IsEnabled && owners.Contains(u.OrganisationId!.Value))
            .OrderBy(u => u.DisplayName).Select(u => new PersonOption(u.Id, u.DisplayName)).ToListAsync();
    }

    private async Task<ServiceResult> ChangeAsync(Guid id, int version, Action<PlanAction, UserContext, DateTimeOffset> change)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        var (plan, action, error) = await LoadAsync(db, me, id, version);
        if (error is not null)
            return error;
        if (!me.CanUpdate(plan!, action!))
            return ServiceResult.Fail("Only the action's leads and editors in an organisation that owns the plan can change it.");
        return await db.TrySaveAsync(() =>
        {
            plan!.EnsureOpen();
            change(action!, me, clock.GetUtcNow());
        });
    }

    private static async Task<(ActionPlan? Plan, PlanAction? Action, ServiceResult? Error)> LoadAsync(PortalDbContext db, UserContext me, Guid id, int version)
    {
        var action = await db.VisibleActions(me).FirstOrDefaultAsync(a => a.Id == id);
        if (action is null)
            return (null, null, ServiceResult.Fail("That action does not exist or you cannot see it."));
        db.ExpectVersion(action, version);
        var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Sections).SingleAsync(p => p.Id == action.PlanId);
        return (plan, action, null);
    }

    private static bool TryTimescale(string? text, out Timescale? timescale, out string? problem)
    {
        timescale = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!Timescale.TryParse(text, out var parsed, out problem))
            return false;
        timescale = parsed;
        return true;
    }

    private static ActionDetails Details(ActionInput input, Timescale? timescale) => new(
        input.Number, input.SubHeading, input.Scope, input.ActionText, input.IssueIdentified, timescale,
        input.DateNote, input.CompletionNote, input.Outcomes, input.Evidence, ActionPlanService.ToSource(input.Source));
}
