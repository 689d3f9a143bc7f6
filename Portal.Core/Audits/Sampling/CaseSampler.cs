using System.Globalization;

namespace Portal.Core.Audits.Sampling;

/// <summary>A case in the pool, with the facts the draw depends on (stored with the case, so the draw can be re-run).</summary>
/// <param name="PractitionerKey">Identifies the worker (email, or name when there is none), compared case-insensitively.</param>
/// <param name="Stratum">The team the case is counted under for proportional selection.</param>
/// <param name="LastAuditedOn">When this record was last audited in an earlier cycle, if ever.</param>
/// <param name="WorkerInPreviousCycle">Whether this worker had a case in the previous cycle's sample.</param>
public sealed record SampleCandidate(
    Guid CaseId,
    string ExternalRecordId,
    string PractitionerKey,
    string PractitionerName,
    string Stratum,
    DateOnly? LastAuditedOn,
    bool WorkerInPreviousCycle);

/// <param name="SampleSize">Null: every eligible case is selected.</param>
/// <param name="ReferenceDate">The start of the cycle's period; the look-back is counted back from it.</param>
public sealed record SampleRules(int? SampleSize, int ExclusionMonths, bool AvoidSameWorker, DateOnly ReferenceDate);

public enum SampleDecision
{
    Selected,
    NotSelected,
    Excluded,
}

public sealed record SampleOutcome(Guid CaseId, SampleDecision Decision, string Reason);

public sealed record StratumQuota(string Stratum, int PoolCases, int EligibleCases, int Places);

public sealed record SampleResult(long Seed, IReadOnlyList<SampleOutcome> Outcomes, IReadOnlyList<StratumQuota> Strata, int Requested)
{
    public IReadOnlyList<Guid> SelectedIds => Outcomes.Where(o => o.Decision == SampleDecision.Selected).Select(o => o.CaseId).ToList();

    /// <summary>How many fewer cases were drawn than asked for, because too few were eligible.</summary>
    public int Shortfall => Math.Max(0, Requested - SelectedIds.Count);

    public SampleOutcome For(Guid caseId) => Outcomes.First(o => o.CaseId == caseId);
}

/// <summary>
/// The random case selection. Given the same pool, rules and seed it always returns the same sample, so the
/// selection can be verified by anyone at any time ("re-derive"). The method, step by step:
/// <list type="number">
/// <item>Order the pool by record id (ordinal), then case id, so input order never matters.</item>
/// <item>Exclude a record id that appears more than once (all but the first), and any record audited within
/// <see cref="SampleRules.ExclusionMonths"/> months before <see cref="SampleRules.ReferenceDate"/>.</item>
/// <item>Share the places between teams in proportion to their eligible cases (<see cref="LargestRemainder"/>).</item>
/// <item>Seed one <see cref="SplitMix64"/> generator with the seed; for each team in name order (ordinal),
/// shuffle its eligible cases (Fisher–Yates).</item>
/// <item>Walk each shuffled team list up to three times and take cases until the team's places are filled:
/// first cases of workers neither in the previous cycle nor already picked in this one; then workers not in
/// the previous cycle; then anyone. (With <see cref="SampleRules.AvoidSameWorker"/> off, one pass takes the
/// list in order.)</item>
/// </list>
/// </summary>
public static class CaseSampler
{
    /// <summary>Stored with each draw so a later change of method can still verify old draws.</summary>
    public const string Method = "splitmix64-stratified-v1";

    public static SampleResult Draw(IReadOnlyCollection<SampleCandidate> pool, SampleRules rules, long seed)
    {
        if (rules.SampleSize is < 1)
            throw new DomainRuleException("The sample size must be at least 1.");
        var ordered = pool.OrderBy(c => c.ExternalRecordId.Trim(), StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.CaseId.ToString("N"), StringComparer.Ordinal).ToList();
        var outcomes = new Dictionary<Guid, SampleOutcome>();
        var eligible = new List<SampleCandidate>();
        var seenRecords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lookBackFrom = rules.ReferenceDate.AddMonths(-rules.ExclusionMonths);

        foreach (var c in ordered)
        {
            if (!seenRecords.Add(c.ExternalRecordId.Trim()))
                outcomes[c.CaseId] = new(c.CaseId, SampleDecision.Excluded, $"Record {c.ExternalRecordId} appears more than once in the pool; only its first entry can be drawn.");
            else if (rules.ExclusionMonths > 0 && c.LastAuditedOn is { } last && last >= lookBackFrom)
                outcomes[c.CaseId] = new(c.CaseId, SampleDecision.Excluded,
                    $"Not drawn: this record was audited on {Format(last)}, within the last {Months(rules.ExclusionMonths)} before {Format(rules.ReferenceDate)}.");
            else
                eligible.Add(c);
        }

        var poolByTeam = ordered.GroupBy(c => c.Stratum).ToDictionary(g => g.Key, g => g.Count());
        var byTeam = eligible.GroupBy(c => c.Stratum).ToDictionary(g => g.Key, g => g.ToList());
        var requested = rules.SampleSize ?? eligible.Count;
        var places = LargestRemainder.Apportion(byTeam.ToDictionary(t => t.Key, t => t.Value.Count), Math.Min(requested, eligible.Count));

        var rng = new SplitMix64(seed);
        var pickedWorkers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in byTeam.Keys.Order(StringComparer.Ordinal))
        {
            var shuffled = rng.Shuffle(byTeam[team]);
            var quota = places[team];
            var taken = new HashSet<Guid>();
            var passes = rules.AvoidSameWorker
                ? new Func<SampleCandidate, bool>[]
                {
                    c => !c.WorkerInPreviousCycle && !pickedWorkers.Contains(Key(c)),
                    c => !c.WorkerInPreviousCycle,
                    _ => true,
                }
                : [_ => true];
            foreach (var pass in passes)
            {
                foreach (var c in shuffled)
                {
                    if (taken.Count == quota)
                        break;
                    if (taken.Contains(c.CaseId) || !pass(c))
                        continue;
                    taken.Add(c.CaseId);
                    pickedWorkers.Add(Key(c));
                }
            }

            foreach (var c in shuffled)
            {
                outcomes[c.CaseId] = taken.Contains(c.CaseId)
                    ? new(c.CaseId, SampleDecision.Selected, SelectedReason(c, team, quota, shuffled.Count, rules))
                    : new(c.CaseId, SampleDecision.NotSelected, NotSelectedReason(c, team, quota, shuffled, taken, rules));
            }
        }

        var strata = poolByTeam.Keys.Order(StringComparer.Ordinal)
            .Select(t => new StratumQuota(t, poolByTeam[t], byTeam.TryGetValue(t, out var list) ? list.Count : 0, places.GetValueOrDefault(t)))
            .ToList();
        return new SampleResult(seed, ordered.Select(c => outcomes[c.CaseId]).ToList(), strata, requested);
    }

    /// <summary>Re-runs the draw and lists every case whose stored decision differs (empty when it verifies).</summary>
    public static IReadOnlyList<Guid> Verify(IReadOnlyCollection<SampleCandidate> pool, SampleRules rules, long seed, IReadOnlySet<Guid> storedSelection)
    {
        var again = Draw(pool, rules, seed).SelectedIds.ToHashSet();
        return pool.Select(c => c.CaseId).Where(id => again.Contains(id) != storedSelection.Contains(id)).ToList();
    }

    private static string SelectedReason(SampleCandidate c, string team, int quota, int eligible, SampleRules rules)
    {
        var reason = $"Randomly drawn: one of {quota} {Plural(quota, "place")} for {team} ({eligible} eligible {Plural(eligible, "case")}).";
        if (rules.AvoidSameWorker && c.WorkerInPreviousCycle)
            reason += $" {c.PractitionerName} was also audited in the previous cycle, but the team had too few cases from other workers.";
        return reason;
    }

    private static string NotSelectedReason(SampleCandidate c, string team, int quota, List<SampleCandidate> shuffled, HashSet<Guid> taken, SampleRules rules)
    {
        if (quota == 0)
            return $"Not drawn: {team}'s share of the sample rounded down to no places.";
        if (rules.AvoidSameWorker && c.WorkerInPreviousCycle)
            return $"Not drawn: {c.PractitionerName} was audited in the previous cycle, and there were enough cases from other workers in {team}.";
        if (rules.AvoidSameWorker && shuffled.Any(o => taken.Contains(o.CaseId) && string.Equals(Key(o), Key(c), StringComparison.OrdinalIgnoreCase)))
            return $"Not drawn: another case of {c.PractitionerName} was drawn, and the draw spreads places across workers.";
        return $"Not drawn: the random draw filled {team}'s {quota} {Plural(quota, "place")} with other cases.";
    }

    private static string Key(SampleCandidate c) => c.PractitionerKey.Trim();

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string Months(int months) => months == 1 ? "month" : $"{months} months";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
