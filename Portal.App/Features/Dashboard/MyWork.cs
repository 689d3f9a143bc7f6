using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;

namespace Portal.App.Features.Dashboard;

/// <summary>
/// The "My work" dashboard. Each module adds its own section here as it lands (audits allocated to me,
/// reflections I owe, actions I lead); the foundation provides the in-app notifications and acknowledgements.
/// </summary>
public sealed class MyWork(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record NotificationItem(Guid Id, string Title, string? Link, bool RequiresAcknowledgement, DateTimeOffset CreatedAt, int Version);

    public async Task<IReadOnlyList<NotificationItem>> OpenNotificationsAsync(int take = 20)
    {
        var me = await currentUser.AuthorizeAsync(Policies.PortalUser);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == me.UserId && n.AcknowledgedAt == null)
            .OrderByDescending(n => n.RequiresAcknowledgement).ThenByDescending(n => n.CreatedAt)
            .Take(take)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Link, n.RequiresAcknowledgement, n.CreatedAt, n.Version))
            .ToListAsync();
    }

    public async Task<ServiceResult> AcknowledgeAsync(Guid notificationId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.PortalUser);
        await using var db = await dbFactory.CreateDbContextAsync();
        // Scoped to the recipient in the query itself, so one person can never touch another's items.
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.RecipientId == me.UserId);
        if (notification is null)
            return ServiceResult.Fail("That item is not yours or no longer exists.");
        return await db.TrySaveAsync(() => notification.Acknowledge(me.UserId, clock.GetUtcNow()));
    }
}
