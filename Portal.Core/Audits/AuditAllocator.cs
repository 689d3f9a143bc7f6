namespace Portal.Core.Audits;

/// <param name="PractitionerKey">The worker's email (or name), compared case-insensitively with the auditor's.</param>
public sealed record AllocationCase(Guid CaseId, string Label, string PractitionerKey, Guid? PractitionerUserId, Guid TeamId);

/// <param name="CurrentLoad">Audits already open with this auditor (this and other cycles), so the work is balanced overall.</param>
public sealed record AllocationAuditor(Guid UserId, string Name, string Key, PracticeLevel Level, IReadOnlySet<Guid> TeamIds, int CurrentLoad);

/// <summary>One case's allocation: an auditor, or the plain-English reason none could take it.</summary>
public sealed record Allocation(Guid CaseId, Guid? AuditorId, string? Problem);

/// <summary>
/// Shares the sampled cases between the auditor pool. Rules: an auditor must be at Senior Practitioner level
/// or above and never audits their own work (optionally never their own team's). Among those allowed, the
/// case goes to whoever has the fewest open audits; the cases with the fewest possible auditors are placed
/// first so that a constrained case is not left without anyone. Ties go by name, then id: no randomness, so
/// the same inputs always give the same allocation.
/// </summary>
public static class AuditAllocator
{
    public static IReadOnlyList<Allocation> Allocate(IReadOnlyCollection<AllocationCase> cases, IReadOnlyCollection<AllocationAuditor> auditors, bool excludeOwnTeam)
    {
        var load = auditors.ToDictionary(a => a.UserId, a => a.CurrentLoad);
        var options = cases.ToDictionary(c => c.CaseId, c => auditors.Where(a => WhyNot(c, a, excludeOwnTeam) is null).ToList());
        var result = new Dictionary<Guid, Allocation>();
        foreach (var c in cases.OrderBy(c => options[c.CaseId].Count).ThenBy(c => c.Label, StringComparer.Ordinal).ThenBy(c => c.CaseId))
        {
            var choice = options[c.CaseId]
                .OrderBy(a => load[a.UserId]).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.UserId)
                .FirstOrDefault();
            if (choice is null)
            {
                result[c.CaseId] = new(c.CaseId, null, NoAuditorReason(c, auditors, excludeOwnTeam));
                continue;
            }
            load[choice.UserId]++;
            result[c.CaseId] = new(c.CaseId, choice.UserId, null);
        }
        return cases.Select(c => result[c.CaseId]).ToList();
    }

    /// <summary>Why this auditor may not audit this case, or null when they may.</summary>
    public static string? WhyNot(AllocationCase c, AllocationAuditor a, bool excludeOwnTeam)
    {
        if (a.Level < PracticeLevel.SeniorPractitioner)
            return $"{a.Name} is not at Senior Practitioner level or above.";
        if (c.PractitionerUserId == a.UserId || string.Equals(c.PractitionerKey.Trim(), a.Key.Trim(), StringComparison.OrdinalIgnoreCase))
            return $"{a.Name} cannot audit their own work.";
        if (excludeOwnTeam && a.TeamIds.Contains(c.TeamId))
            return $"{a.Name} is in the practitioner's team, and this cycle does not allow auditing your own team.";
        return null;
    }

    private static string NoAuditorReason(AllocationCase c, IReadOnlyCollection<AllocationAuditor> auditors, bool excludeOwnTeam) =>
        auditors.Count == 0
            ? "No auditors are in the pool for this cycle."
            : $"Nobody in the auditor pool can take {c.Label}: " + string.Join(" ", auditors.Select(a => WhyNot(c, a, excludeOwnTeam)));
}
