using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Calendar;

namespace Portal.App.Features.Providers;

/// <summary>
/// The working-day calendar deadlines use: computed England and Wales bank holidays plus the closure days
/// administrators keep here. "Today" is the UK date, whatever the server's time zone.
/// </summary>
public sealed class WorkingCalendar(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record ClosureDayRow(DateOnly Date, string Description);

    private static readonly TimeZoneInfo? UkZone = FindUkZone();

    public DateOnly Today => UkToday(clock);

    public static DateOnly UkToday(TimeProvider clock) => DateOnly.FromDateTime(UkNow(clock));

    /// <summary>UK wall-clock time now, the time people write on agendas.</summary>
    public static DateTime UkNow(TimeProvider clock)
    {
        var utc = clock.GetUtcNow();
        return UkZone is null ? utc.UtcDateTime : TimeZoneInfo.ConvertTime(utc, UkZone).DateTime;
    }

    public static async Task<WorkingDayCalendar> LoadAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        new(await db.ClosureDays.AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<ClosureDayRow>> ClosureDaysAsync()
    {
        await currentUser.AuthorizeAsync(Policies.ViewProviders);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.ClosureDays.AsNoTracking().OrderBy(d => d.Date).Select(d => new ClosureDayRow(d.Date, d.Description)).ToListAsync();
    }

    public async Task<ServiceResult> AddClosureDayAsync(DateOnly date, string description)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.ClosureDays.AnyAsync(d => d.Date == date))
            return ServiceResult.Fail($"{date:d MMMM yyyy} is already a closure day.");
        return await db.TrySaveAsync(() => db.ClosureDays.Add(new ClosureDay(date, description)));
    }

    public async Task<ServiceResult> RemoveClosureDayAsync(DateOnly date)
    {
        await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var day = await db.ClosureDays.FirstOrDefaultAsync(d => d.Date == date);
        if (day is null)
            return ServiceResult.Fail("That closure day no longer exists.");
        return await db.TrySaveAsync(() => db.ClosureDays.Remove(day));
    }

    private static TimeZoneInfo? FindUkZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }
}
