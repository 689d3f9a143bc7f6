using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.ActionPlans;
using Portal.Core.Rag;

namespace Portal.App.Features.ActionPlans;

/// <summary>
/// The team manager's RAG board: counts by RAG per plan, per lead and per organisation; overdue, stale and
/// unassigned actions; and what changed since a date. Everything is counted and paged in SQL, over the
/// open plans the person's organisation owns.
/// </summary>
public sealed class ActionBoard(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public sealed record BoardFilter(Guid? PlanId = null, Guid? OrganisationId = null, int StaleDays = ActionBoardPreference.DefaultStaleDays);

    public sealed record RagCounts(string Label, Guid? Id, int Red, int Amber, int Green, int Complete, int NotRated, int Total, int Overdue);

    public enum ActionList
    {
        All,
        Overdue,
        NoRecentUpdate,
        Unassigned,
    }

    /// <summary>What to drill into: a list, optionally narrowed to one RAG (or "not rated") and one lead.</summary>
    public sealed record DrillDown(ActionList List = ActionList.All, RagStatus? Rag = null, bool NotRated = false, string? Lead = null);

    public sealed record BoardActionRow(Guid Id, Guid PlanId, string PlanTitle, string? Number, string? ActionText, string? IssueIdentified,
        RagStatus? Rag, DateOnly? DueBy, DateOnly? TimescaleStart, bool TimescaleIsMonth, DateOnly? LatestUpdateOn, IReadOnlyList<string> Leads)
    {
        public Timescale? Timescale => Portal.Core.ActionPlans.Timescale.FromStored(TimescaleStart, TimescaleIsMonth);
    }

    public enum ChangeKind
    {
        RagChanged,
        Completed,
        NewUpdate,
    }

    public sealed record ChangeRow(Guid ActionId, Guid PlanId, string PlanTitle, string? Number, ChangeKind Kind, DateTimeOffset At,
        string By, RagStatus? From, RagStatus? To, string Detail);

    public sealed record Preference(Guid? PlanId, Guid? OrganisationId, int StaleDays, DateOnly? ChangedSince);

    public async Task<IReadOnlyList<RagCounts>> CountsByPlanAsync(BoardFilter filter, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = UkDate.Today(clock);
        var counts = await TallyAsync(Actions(db, me, filter).Select(a => new Keyed<Guid> { Key = a.PlanId, Rag = a.Rag, DueBy = a.DueBy }),
            today, cancellationToken);
        var ids = counts.Select(c => c.Key).ToList();
        var titles = await db.ActionPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var rows = counts.Select(c => new RagCounts(titles[c.Key], c.Key, c.Red, c.Amber, c.Green, c.Complete, c.NotRated, c.Total, c.Overdue))
            .OrderBy(r => r.Label).ToList();
        return rows;
    }

    public async Task<IReadOnlyList<RagCounts>> CountsByLeadAsync(BoardFilter filter, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = UkDate.Today(clock);
        // An action with three leads counts once for each of them: each lead is answerable for it.
        var counts = await TallyAsync(Actions(db, me, filter)
            .SelectMany(a => a.Leads, (a, l) => new Keyed<string> { Key = l.Name, Rag = a.Rag, DueBy = a.DueBy }), today, cancellationToken);
        return counts.Select(c => new RagCounts(c.Key, null, c.Red, c.Amber, c.Green, c.Complete, c.NotRated, c.Total, c.Overdue))
            .OrderBy(r => r.Label, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<IReadOnlyList<RagCounts>> CountsByOrganisationAsync(BoardFilter filter, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = UkDate.Today(clock);
        // A partnership plan's actions count for each organisation that owns the plan.
        var pairs = from a in Actions(db, me, filter)
                    from p in db.ActionPlans.Where(p => p.Id == a.PlanId)
                    from o in p.Owners
                    select new Keyed<Guid> { Key = o.OrganisationId, Rag = a.Rag, DueBy = a.DueBy };
        var counts = await TallyAsync(pairs, today, cancellationToken);
        var ids = counts.Select(c => c.Key).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var rows = counts.Select(c => new RagCounts(names[c.Key], c.Key, c.Red, c.Amber, c.Green, c.Complete, c.NotRated, c.Total, c.Overdue))
            .OrderBy(r => r.Label).ToList();
        return rows;
    }

    /// <summary>One action (or one action per lead or owner) with the key it is counted under.</summary>
    private sealed class Keyed<TKey>
    {
        public required TKey Key { get; init; }
        public RagStatus? Rag { get; init; }
        public DateOnly? DueBy { get; init; }
    }

    private sealed record Tally<TKey>(TKey Key, int Red, int Amber, int Green, int Complete, int NotRated, int Total, int Overdue);

    /// <summary>The RAG counts per key, in one grouped SQL query; shared by the per-plan, per-lead and per-organisation boards.</summary>
    private static Task<List<Tally<TKey>>> TallyAsync<TKey>(IQueryable<Keyed<TKey>> items, DateOnly today, CancellationToken cancellationToken) =>
        items.GroupBy(x => x.Key)
            .Select(g => new Tally<TKey>(
                g.Key,
                g.Count(a => a.Rag == RagStatus.Red),
                g.Count(a => a.Rag == RagStatus.Amber),
                g.Count(a => a.Rag == RagStatus.Green),
                g.Count(a => a.Rag == RagStatus.Complete),
                g.Count(a => a.Rag == null),
                g.Count(),
                g.Count(a => a.Rag != RagStatus.Complete && a.DueBy < today)))
            .ToListAsync(cancellationToken);

    public async Task<(IReadOnlyList<BoardActionRow> Rows, int Total)> ActionsAsync(BoardFilter filter, DrillDown drill, int skip = 0, int take = 20,
        CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = UkDate.Today(clock);
        var actions = Actions(db, me, filter);
        switch (drill.List)
        {
            case ActionList.Overdue:
                actions = actions.Where(a => a.Rag != RagStatus.Complete && a.DueBy < today);
                break;
            case ActionList.NoRecentUpdate:
                var cutoff = today.AddDays(-Math.Clamp(filter.StaleDays, ActionBoardPreference.MinStaleDays, ActionBoardPreference.MaxStaleDays));
                actions = actions.Where(a => a.Rag != RagStatus.Complete && (a.LatestUpdateOn == null || a.LatestUpdateOn < cutoff));
                break;
            case ActionList.Unassigned:
                actions = actions.Where(a => a.Rag != RagStatus.Complete && !a.Leads.Any());
                break;
        }
        if (drill.Rag is { } rag)
            actions = actions.Where(a => a.Rag == rag);
        if (drill.NotRated)
            actions = actions.Where(a => a.Rag == null);
        if (!string.IsNullOrWhiteSpace(drill.Lead))
            actions = actions.Where(a => a.Leads.Any(l => l.Name == drill.Lead));

        var total = await actions.CountAsync(cancellationToken);
        var rows = await actions
            .OrderBy(a => a.DueBy == null).ThenBy(a => a.DueBy).ThenBy(a => a.PlanId).ThenBy(a => a.Position)
            .Skip(skip).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(a => new BoardActionRow(a.Id, a.PlanId, db.ActionPlans.Where(p => p.Id == a.PlanId).Select(p => p.Title).First(),
                a.Number, a.ActionText, a.IssueIdentified, a.Rag, a.DueBy, a.TimescaleStart, a.TimescaleIsMonth, a.LatestUpdateOn,
                a.Leads.OrderBy(l => l.Position).Select(l => l.Name).ToList()))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>RAG moves, completions and new updates recorded since the start of <paramref name="since"/> (UK time), newest first.</summary>
    public async Task<(IReadOnlyList<ChangeRow> Rows, int Total)> ChangesSinceAsync(BoardFilter filter, DateOnly since, int skip = 0, int take = 20,
        CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var from = UkDate.StartOf(since);
        var actions = Actions(db, me, filter);
        // Same anonymous shape on both sides so SQLite runs one UNION ALL, ordered and paged in SQL.
        var ragMoves = actions.SelectMany(a => a.RagHistory, (a, r) => new
        {
            ActionId = a.Id, a.PlanId, a.Number, r.At, By = r.ByName, From = r.From, To = (RagStatus?)r.To, Detail = r.Rationale,
        }).Where(c => c.At >= from);
        var updates = actions.SelectMany(a => a.Updates, (a, u) => new
        {
            ActionId = a.Id, a.PlanId, a.Number, At = u.RecordedAt, By = u.AuthorName, From = (RagStatus?)null, To = (RagStatus?)null, Detail = u.Text,
        }).Where(c => c.At >= from);
        var all = ragMoves.Concat(updates);
        var total = await all.CountAsync(cancellationToken);
        var raw = await all.OrderByDescending(c => c.At).Skip(skip).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        var page = raw.Select(c => new ChangeRow(c.ActionId, c.PlanId, "", c.Number,
            c.To is null ? ChangeKind.NewUpdate : c.To == RagStatus.Complete ? ChangeKind.Completed : ChangeKind.RagChanged,
            c.At, c.By, c.From, c.To, c.Detail)).ToList();
        // Plan titles for the page only: a handful of ids, one query.
        var planIds = page.Select(r => r.PlanId).Distinct().ToList();
        var titles = await db.ActionPlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        return (page.Select(r => r with { PlanTitle = titles.GetValueOrDefault(r.PlanId, "") }).ToList(), total);
    }

    /// <summary>Open plans the person's organisation owns, for the board's plan filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> PlanOptionsAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.VisiblePlans(me).AsNoTracking().Where(p => p.Status != ActionPlanStatus.Closed)
            .OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync();
        return rows.Select(r => (r.Id, r.Title)).ToList();
    }

    /// <summary>Organisations that co-own a plan with the person's organisation.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> OrganisationOptionsAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        var ids = db.VisiblePlans(me).SelectMany(p => p.Owners.Select(o => o.OrganisationId));
        var rows = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync();
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    public async Task<Preference> GetPreferenceAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        var saved = await db.ActionBoardPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == me.UserId);
        return saved is null
            ? new Preference(null, null, ActionBoardPreference.DefaultStaleDays, null)
            : new Preference(saved.PlanId, saved.OrganisationId, saved.StaleDays, saved.ChangedSince);
    }

    /// <summary>Keeps the person's filters so the board opens as they left it, on any device.</summary>
    public async Task<ServiceResult> SavePreferenceAsync(Preference preference)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync();
        var saved = await db.ActionBoardPreferences.FirstOrDefaultAsync(p => p.UserId == me.UserId);
        return await db.TrySaveAsync(() =>
        {
            if (saved is null)
                saved = db.ActionBoardPreferences.Add(new ActionBoardPreference(me.UserId)).Entity;
            saved.Set(preference.PlanId, preference.OrganisationId, preference.StaleDays, preference.ChangedSince);
        });
    }

    /// <summary>Actions on open plans the person's organisation owns, narrowed by the board's filters.</summary>
    private static IQueryable<PlanAction> Actions(PortalDbContext db, UserContext me, BoardFilter filter)
    {
        var plans = db.VisiblePlans(me).Where(p => p.Status != ActionPlanStatus.Closed);
        if (filter.PlanId is { } planId)
            plans = plans.Where(p => p.Id == planId);
        if (filter.OrganisationId is { } orgId)
            plans = plans.Where(p => p.Owners.Any(o => o.OrganisationId == orgId));
        return db.PlanActions.AsNoTracking().Where(a => plans.Any(p => p.Id == a.PlanId));
    }
}
