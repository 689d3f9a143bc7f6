using Microsoft.EntityFrameworkCore;
using Portal.App.Data;
using Portal.Core.ActionPlans;
using Portal.Core.Notifications;
using Portal.Core.Rag;

namespace Portal.App.Features.ActionPlans;

/// <summary>
/// In-app reminders for leads who are portal users: when an action they lead has had no update for the plan's
/// update interval (monthly unless the plan says otherwise), they get one notification a month listing how many.
/// Safe to call as often as wanted (the board calls it when it loads, the background service daily): the
/// month is part of the notification's link, and a lead who already has this month's reminder gets no other.
/// </summary>
public sealed class ActionPlanReminders(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string LinkPrefix = "/action-plans/mine?reminder=";

    public static string LinkFor(DateOnly today) => LinkPrefix + today.ToString("yyyy-MM");

    /// <summary>Sends this month's reminders that are due and not yet sent; returns how many were sent.</summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = UkDate.Today(clock);
        // The shortest interval is a month, so nothing updated within the last month can be due.
        var earliestCutoff = today.AddMonths(-ActionPlan.MinUpdateFrequencyMonths);
        var candidates = await (
                from a in db.PlanActions.AsNoTracking()
                join p in db.ActionPlans on a.PlanId equals p.Id
                where p.Status == ActionPlanStatus.Active && a.Rag != RagStatus.Complete
                      && (a.LatestUpdateOn == null || a.LatestUpdateOn <= earliestCutoff)
                from l in a.Leads
                where l.UserId != null
                join u in db.Users on l.UserId equals u.Id
                where u.IsEnabled
                select new { UserId = u.Id, ActionId = a.Id, a.LatestUpdateOn, p.UpdateFrequencyMonths })
            .ToListAsync(cancellationToken);

        var due = candidates
            .Where(c => c.LatestUpdateOn is not { } last || last <= today.AddMonths(-c.UpdateFrequencyMonths))
            .GroupBy(c => c.UserId)
            .ToDictionary(g => g.Key, g => g.Select(c => c.ActionId).Distinct().Count());
        if (due.Count == 0)
            return 0;

        var link = LinkFor(today);
        var leadIds = due.Keys.ToList();
        var alreadySent = await db.Notifications.AsNoTracking()
            .Where(n => n.Link == link && leadIds.Contains(n.RecipientId))
            .Select(n => n.RecipientId).ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var (userId, count) in due.Where(d => !alreadySent.Contains(d.Key)))
        {
            var title = count == 1
                ? "An update is due on 1 action you lead."
                : $"Updates are due on {count} actions you lead.";
            db.Notifications.Add(new Notification(userId, title, link, requiresAcknowledgement: false, now));
            sent++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}

/// <summary>Runs the reminders once at start-up and then daily.</summary>
public sealed class ActionPlanReminderService(IServiceScopeFactory scopes, ILogger<ActionPlanReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<ActionPlanReminders>().SendDueRemindersAsync(stoppingToken);
                if (sent > 0)
                    logger.LogInformation("Sent {Count} action plan update reminders", sent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run must not stop the app; the next run (or a board load) sends what is due.
                logger.LogWarning(ex, "Action plan reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
