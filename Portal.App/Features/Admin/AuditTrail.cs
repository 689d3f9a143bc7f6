using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Auditing;

namespace Portal.App.Features.Admin;

/// <summary>Searches the append-only audit trail. Read-only by design: nothing here changes it.</summary>
public sealed class AuditTrail(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record AuditQuery(string? EntityType, string? EntityKey, string? Actor, DateOnly? From, DateOnly? To, int Skip = 0, int Take = 25);

    public sealed record AuditRow(long Id, DateTimeOffset At, string ActorName, string EntityType, string EntityKey, AuditAction Action, string Changes);

    public async Task<(IReadOnlyList<AuditRow> Rows, int Total)> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await currentUser.AuthorizeAsync(Policies.ViewAuditTrail);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db, query);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries
            .OrderByDescending(e => e.Id)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 200))
            .Select(e => new AuditRow(e.Id, e.At, e.ActorName, e.EntityType, e.EntityKey, e.Action, e.Changes))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync()
    {
        await currentUser.AuthorizeAsync(Policies.ViewAuditTrail);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync();
    }

    /// <summary>Streams every matching entry, oldest first, for the Excel export; never materialises the table.</summary>
    public async IAsyncEnumerable<AuditRow> StreamAsync(AuditQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await currentUser.AuthorizeAsync(Policies.ViewAuditTrail);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Filter(db, query).OrderBy(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.At, e.ActorName, e.EntityType, e.EntityKey, e.Action, e.Changes))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
            yield return row;
    }

    private static IQueryable<AuditEntry> Filter(PortalDbContext db, AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
            entries = entries.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityKey))
            entries = entries.Where(e => e.EntityKey.Contains(query.EntityKey.Trim()));
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim().ToLower();
            entries = entries.Where(e => e.ActorName.ToLower().Contains(actor));
        }
        // Instants are stored as sortable UTC text, so these comparisons run in SQL.
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }
}
