using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Providers;

namespace Portal.App.Features.Providers;

/// <summary>What is due, due soon and overdue across the organisation's open processes, in working days.</summary>
public sealed class DeadlineBoard(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record BoardQuery(DeadlineStatus? Status, int Skip, int Take);

    public sealed record BoardRow(Guid ProcessId, Guid ProviderId, string ProviderName, ProcessStage Stage, string Title, string Rule, DateOnly DueOn,
        DeadlineStatus Status, int WorkingDaysLeft);

    public sealed record Board(IReadOnlyList<BoardRow> Rows, int Total, int Overdue, int DueSoon, int Due, IReadOnlyList<(Guid ProcessId, string ProviderName)> ReportToSqig, DateOnly Today);

    public async Task<Board> QueryAsync(BoardQuery query, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewProviders);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendar = await WorkingCalendar.LoadAsync(db, cancellationToken);
        var today = WorkingCalendar.UkToday(clock);

        // Open processes are few (tens per council); each is loaded once with its meetings, never per row.
        var processes = await db.QualityProcesses.AsNoTracking().AsSplitQuery()
            .Where(q => q.LeadOrganisationId == me.OrganisationId && q.Stage != ProcessStage.Completed && q.Stage != ProcessStage.Resolved)
            .ToListAsync(cancellationToken);
        var providerIds = processes.Select(p => p.ProviderId).Distinct().ToList();
        var names = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var all = processes
            .SelectMany(p => ProcessDeadlines.For(p, calendar, today).Where(d => d.Status.IsOutstanding())
                .Select(d => new BoardRow(p.Id, p.ProviderId, names[p.ProviderId], p.Stage, d.Title, d.Rule, d.DueOn, d.Status, d.WorkingDaysLeft)))
            .ToList();
        var filtered = query.Status is { } status ? all.Where(r => r.Status == status) : all;
        var ordered = filtered.OrderBy(r => r.DueOn).ThenBy(r => r.ProviderName).ToList();
        var sqig = processes.Where(p => p.MustReportToSqigAndHsab(today)).Select(p => (p.Id, names[p.ProviderId])).ToList();
        return new Board(ordered.Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 200)).ToList(), ordered.Count,
            all.Count(r => r.Status == DeadlineStatus.Overdue), all.Count(r => r.Status == DeadlineStatus.DueSoon), all.Count(r => r.Status == DeadlineStatus.Due),
            sqig, today);
    }
}
