using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core;
using Portal.Core.ActionPlans;
using Portal.Core.Rag;

namespace Portal.App.Features.ActionPlans;

/// <summary>Plans and their sections, scoped to the plans the person's organisation owns.</summary>
public sealed class ActionPlanService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public sealed record PlanQuery(string? Search = null, ActionPlanType? Type = null, ActionPlanStatus? Status = null, int Skip = 0, int Take = 20);

    public sealed record PlanRow(Guid Id, string Title, ActionPlanType Type, ActionPlanStatus Status,
        int Actions, int Red, int Amber, int Green, int Complete, int NotRated, int Overdue, DateOnly? LatestUpdateOn);

    public sealed record SourceInput(ActionSourceType Type, string Reference, string Label);

    public sealed record PlanInput(string Title, ActionPlanType Type, string? Description, int UpdateFrequencyMonths,
        IReadOnlyCollection<Guid> OwnerIds, SourceInput? Source = null);

    public sealed record OwnerItem(Guid Id, string Name);

    public sealed record SectionView(Guid Id, int Number, string Title, IReadOnlyList<ActionRow> Actions)
    {
        public string Heading => $"{Number}. {Title}";
    }

    public sealed record ActionRow(Guid Id, Guid SectionId, int Position, string? Number, string? SubHeading, ActionScope? Scope,
        string? ActionText, string? IssueIdentified, DateOnly? TimescaleStart, bool TimescaleIsMonth, DateOnly? DueBy,
        IReadOnlyList<string> Leads, RagStatus? Rag, string? LatestUpdate, DateOnly? LatestUpdateOn, string? Outcomes,
        string? Evidence, string? DateNote, string? CompletionNote, DateOnly? CompletedOn)
    {
        public Timescale? Timescale => Portal.Core.ActionPlans.Timescale.FromStored(TimescaleStart, TimescaleIsMonth);
    }

    public sealed record PlanView(Guid Id, string Title, ActionPlanType Type, ActionPlanStatus Status, string? Description,
        int UpdateFrequencyMonths, int Version, IReadOnlyList<OwnerItem> Owners, SourceInput? Source,
        IReadOnlyList<SectionView> Sections, bool CanEdit, DateOnly Today)
    {
        public IEnumerable<ActionRow> AllActions => Sections.SelectMany(s => s.Actions);
    }

    public async Task<(IReadOnlyList<PlanRow> Rows, int Total)> SearchAsync(PlanQuery query, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = UkDate.Today(clock);
        var plans = db.VisiblePlans(me).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToLower();
            plans = plans.Where(p => p.Title.ToLower().Contains(search));
        }
        if (query.Type is { } type)
            plans = plans.Where(p => p.Type == type);
        if (query.Status is { } status)
            plans = plans.Where(p => p.Status == status);

        var total = await plans.CountAsync(cancellationToken);
        // One statement: the RAG counts are correlated subqueries, not a query per plan.
        var rows = await plans
            .OrderBy(p => p.Status == ActionPlanStatus.Closed).ThenBy(p => p.Title)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(p => new PlanRow(p.Id, p.Title, p.Type, p.Status,
                db.PlanActions.Count(a => a.PlanId == p.Id),
                db.PlanActions.Count(a => a.PlanId == p.Id && a.Rag == RagStatus.Red),
                db.PlanActions.Count(a => a.PlanId == p.Id && a.Rag == RagStatus.Amber),
                db.PlanActions.Count(a => a.PlanId == p.Id && a.Rag == RagStatus.Green),
                db.PlanActions.Count(a => a.PlanId == p.Id && a.Rag == RagStatus.Complete),
                db.PlanActions.Count(a => a.PlanId == p.Id && a.Rag == null),
                db.PlanActions.Count(a => a.PlanId == p.Id && a.Rag != RagStatus.Complete && a.DueBy < today),
                db.PlanActions.Where(a => a.PlanId == p.Id).Max(a => a.LatestUpdateOn)))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    public async Task<PlanView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.VisiblePlans(me).AsNoTracking().Include(p => p.Sections).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
            return null;

        var ownerIds = plan.Owners.Select(o => o.OrganisationId).ToList();
        var owners = await db.Organisations.AsNoTracking().Where(o => ownerIds.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new OwnerItem(o.Id, o.Name)).ToListAsync(cancellationToken);
        var actions = await ActionRows(db, plan.Id).ToListAsync(cancellationToken);
        var sections = plan.Sections
            .Select(s => new SectionView(s.Id, s.Number, s.Title, actions.Where(a => a.SectionId == s.Id).OrderBy(a => a.Position).ToList()))
            .ToList();
        var source = plan.Source is { } src ? new SourceInput(src.Type, src.Reference, src.Label) : null;
        return new PlanView(plan.Id, plan.Title, plan.Type, plan.Status, plan.Description, plan.UpdateFrequencyMonths, plan.Version,
            owners, source, sections, me.CanEdit(plan), UkDate.Today(clock));
    }

    /// <summary>The plan's table in one query: latest update and leads come from correlated subqueries.</summary>
    internal static IQueryable<ActionRow> ActionRows(PortalDbContext db, Guid planId) =>
        db.PlanActions.AsNoTracking()
            .Where(a => a.PlanId == planId)
            .OrderBy(a => a.Position)
            .Select(a => new ActionRow(a.Id, a.SectionId, a.Position, a.Number, a.SubHeading, a.Scope, a.ActionText, a.IssueIdentified,
                a.TimescaleStart, a.TimescaleIsMonth, a.DueBy,
                a.Leads.OrderBy(l => l.Position).Select(l => l.Name).ToList(),
                a.Rag,
                a.Updates.OrderByDescending(u => u.AsOf).ThenByDescending(u => u.RecordedAt).Select(u => u.Text).FirstOrDefault(),
                a.LatestUpdateOn, a.Outcomes, a.Evidence, a.DateNote, a.CompletionNote, a.CompletedOn));

    public async Task<(ServiceResult Result, Guid? Id)> CreateAsync(PlanInput input)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        if (me.OrganisationId is not { } myOrg || !input.OwnerIds.Contains(myOrg))
            return (ServiceResult.Fail("Your own organisation must be one of the plan's owners, or you could not see the plan afterwards."), null);
        await using var db = await dbFactory.CreateDbContextAsync();
        ActionPlan? plan = null;
        var result = await db.TrySaveAsync(() =>
        {
            plan = new ActionPlan(input.Title, input.Type, input.OwnerIds, clock.GetUtcNow(), input.Description, input.UpdateFrequencyMonths);
            plan.LinkSource(ToSource(input.Source));
            db.ActionPlans.Add(plan);
        });
        return (result, result.Succeeded ? plan!.Id : null);
    }

    public async Task<ServiceResult> UpdateAsync(Guid id, int version, PlanInput input)
    {
        var (me, db, plan, error) = await LoadForEditAsync(id, version);
        await using (db)
        {
            if (error is not null)
                return error;
            if (!input.OwnerIds.Contains(me!.OrganisationId ?? Guid.Empty))
                return ServiceResult.Fail("Your own organisation must stay one of the plan's owners.");
            return await db.TrySaveAsync(() =>
            {
                plan!.UpdateDetails(input.Title, input.Type, input.Description, input.UpdateFrequencyMonths);
                plan.SetOwners(input.OwnerIds);
                plan.LinkSource(ToSource(input.Source));
            });
        }
    }

    public async Task<ServiceResult> SetStatusAsync(Guid id, int version, bool open)
    {
        var (_, db, plan, error) = await LoadForEditAsync(id, version);
        await using (db)
        {
            if (error is not null)
                return error;
            return await db.TrySaveAsync(() =>
            {
                if (open) plan!.Activate();
                else plan!.Close(clock.GetUtcNow());
            });
        }
    }

    public async Task<ServiceResult> AddSectionAsync(Guid planId, int version, string title, int? number = null)
    {
        var (_, db, plan, error) = await LoadForEditAsync(planId, version);
        await using (db)
            return error ?? await db.TrySaveAsync(() => plan!.AddSection(title, number));
    }

    public async Task<ServiceResult> UpdateSectionAsync(Guid planId, int version, Guid sectionId, int number, string title)
    {
        var (_, db, plan, error) = await LoadForEditAsync(planId, version);
        await using (db)
            return error ?? await db.TrySaveAsync(() => plan!.RenameSection(sectionId, title, number));
    }

    public async Task<ServiceResult> RemoveSectionAsync(Guid planId, int version, Guid sectionId)
    {
        var (_, db, plan, error) = await LoadForEditAsync(planId, version);
        await using (db)
        {
            if (error is not null)
                return error;
            var count = await db.PlanActions.CountAsync(a => a.SectionId == sectionId);
            return await db.TrySaveAsync(() => plan!.RemoveSection(sectionId, count));
        }
    }

    /// <summary>Organisations a plan can be owned by (active ones).</summary>
    public async Task<IReadOnlyList<OwnerItem>> OrganisationOptionsAsync()
    {
        await currentUser.AuthorizeAsync(Policies.ViewActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new OwnerItem(o.Id, o.Name)).ToListAsync();
    }

    private async Task<(UserContext? Me, PortalDbContext Db, ActionPlan? Plan, ServiceResult? Error)> LoadForEditAsync(Guid id, int version)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        var db = await dbFactory.CreateDbContextAsync();
        var plan = await db.VisiblePlans(me).Include(p => p.Sections).FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null)
            return (me, db, null, ServiceResult.Fail("That plan does not exist or is not owned by your organisation."));
        db.ExpectVersion(plan, version);
        // A change to a section alone must still bump the plan's version, so two editors cannot overwrite each other.
        db.Entry(plan).Property(p => p.Version).IsModified = true;
        return (me, db, plan, null);
    }

    internal static SourceLink? ToSource(SourceInput? input) =>
        input is null || (string.IsNullOrWhiteSpace(input.Reference) && string.IsNullOrWhiteSpace(input.Label))
            ? null
            : new SourceLink(input.Type, input.Reference, input.Label);
}
