namespace Portal.Core.Audits;

public enum TrackerStatus
{
    Behind,
    OnTrack,
    Met,
}

public sealed record PractitionerAudits(string PractitionerKey, string PractitionerName, string Team, int Completed, int InProgress);

public sealed record TrackerRow(string PractitionerKey, string PractitionerName, string Team, int Completed, int InProgress, int ExpectedByNow, TrackerStatus Status)
{
    public string StatusText => Status switch
    {
        TrackerStatus.Met => "Met",
        TrackerStatus.OnTrack => "On track",
        _ => "Behind",
    };
}

/// <summary>
/// Seed 000 §4.7.1: "Managers are required to complete a minimum of 2 audits per practitioner who's practice
/// they supervise per annum." Someone is behind when they have fewer completed audits than the year so far
/// calls for: 2 × (days elapsed ÷ days in the year), rounded down — none due at the start, one by half-way,
/// two by the year's end.
/// </summary>
public static class PractitionerAuditTracker
{
    public const int RequiredPerYear = 2;

    public static int ExpectedByNow(DateOnly yearStart, DateOnly today)
    {
        var total = yearStart.AddYears(1).DayNumber - yearStart.DayNumber;
        var elapsed = Math.Clamp(today.DayNumber - yearStart.DayNumber + 1, 0, total);
        return (int)((long)RequiredPerYear * elapsed / total);
    }

    public static IReadOnlyList<TrackerRow> Evaluate(IEnumerable<PractitionerAudits> practitioners, DateOnly yearStart, DateOnly today)
    {
        var expected = ExpectedByNow(yearStart, today);
        return practitioners
            .Select(p => new TrackerRow(p.PractitionerKey, p.PractitionerName, p.Team, p.Completed, p.InProgress, expected,
                p.Completed >= RequiredPerYear ? TrackerStatus.Met : p.Completed < expected ? TrackerStatus.Behind : TrackerStatus.OnTrack))
            .OrderBy(r => r.Status).ThenBy(r => r.PractitionerName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
