using Portal.Core.Audits.Sampling;

namespace Portal.Core.Audits;

/// <summary>
/// Chooses the completed audits that go to moderation: 20% of them, rounded up so that it is never less
/// than 20% and at least one (seed 004: "Moderation of a sample of 20% of all case audits is completed each
/// cycle"). Reproducible from its seed like the case sample. Moderators are then shared out evenly, never
/// moderating an audit they did themselves.
/// </summary>
public static class ModerationSampler
{
    public static int HowMany(int completed, double fraction = AuditCycle.ModerationFraction) =>
        completed == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(completed * fraction - 1e-9));

    public static IReadOnlyList<Guid> Select(IReadOnlyCollection<Guid> completedAuditIds, long seed, double fraction = AuditCycle.ModerationFraction)
    {
        var ordered = completedAuditIds.Distinct().OrderBy(id => id.ToString("N"), StringComparer.Ordinal).ToList();
        return new SplitMix64(seed).Shuffle(ordered).Take(HowMany(ordered.Count, fraction)).ToList();
    }

    /// <summary>Assigns each selected audit to the moderator with the fewest so far who is not its auditor.</summary>
    public static IReadOnlyDictionary<Guid, Guid> AssignModerators(IReadOnlyList<(Guid AuditId, Guid AuditorId)> selected, IReadOnlyList<Guid> moderators)
    {
        if (moderators.Count == 0)
            throw new DomainRuleException("There is nobody who can moderate. Give a Quality Lead the moderator role first.");
        var load = moderators.ToDictionary(m => m, _ => 0);
        var result = new Dictionary<Guid, Guid>();
        foreach (var (auditId, auditorId) in selected)
        {
            var choice = moderators.Where(m => m != auditorId).OrderBy(m => load[m]).ThenBy(m => m).FirstOrDefault();
            if (choice == Guid.Empty)
                throw new DomainRuleException("The only moderator available did this audit; an audit cannot be moderated by its own auditor.");
            load[choice]++;
            result[auditId] = choice;
        }
        return result;
    }
}
