using Xunit;
using Portal.Core;
using Portal.Core.Audits.Sampling;

namespace Portal.Tests.Core.Audits;

public class SplitMix64Tests
{
    [Fact]
    public void The_generator_reproduces_the_published_reference_sequence()
    {
        // Reference values for SplitMix64 seeded with 1234567, as published in the Rosetta Code task
        // "Pseudo-random numbers/Splitmix64" (from Vigna's reference C implementation).
        var rng = new SplitMix64(1234567UL);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => rng.NextUInt64()).ToArray());
    }

    [Fact]
    public void Bounded_numbers_stay_in_range_and_cover_every_value()
    {
        var rng = new SplitMix64(42L);
        var counts = new int[7];
        for (var i = 0; i < 7000; i++)
            counts[rng.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void A_shuffle_with_the_same_seed_is_the_same_and_keeps_every_item()
    {
        var items = Enumerable.Range(1, 30).ToList();
        var a = new SplitMix64(99L).Shuffle(items);
        var b = new SplitMix64(99L).Shuffle(items);
        Assert.Equal(a, b);
        Assert.NotEqual(items, a);
        Assert.Equal(items, a.Order());
    }
}

public class LargestRemainderTests
{
    [Fact]
    public void Places_left_after_whole_shares_go_to_the_largest_remainders()
    {
        // Exact shares of 5 places for 10/7/3: 2.5, 1.75, 0.75 → whole parts 2,1,0; the two left go to 1.75 and 0.75.
        var result = LargestRemainder.Apportion(new Dictionary<string, int> { ["A"] = 10, ["B"] = 7, ["C"] = 3 }, 5);
        Assert.Equal(2, result["A"]);
        Assert.Equal(2, result["B"]);
        Assert.Equal(1, result["C"]);
    }

    [Fact]
    public void Proportional_shares_always_add_up_to_the_places_asked_for()
    {
        var sizes = new Dictionary<string, int> { ["North"] = 13, ["South"] = 29, ["East"] = 1, ["West"] = 57 };
        for (var places = 0; places <= 100; places++)
        {
            var result = LargestRemainder.Apportion(sizes, places);
            Assert.Equal(places, result.Values.Sum());
            Assert.All(result, r => Assert.InRange(r.Value, 0, sizes[r.Key]));
        }
    }
}

public class CaseSamplerTests
{
    private static readonly DateOnly CycleStart = new(2026, 4, 1);

    private static List<SampleCandidate> Pool(params (string Team, int Cases, int Workers)[] teams)
    {
        var pool = new List<SampleCandidate>();
        var n = 0;
        foreach (var (team, cases, workers) in teams)
            for (var i = 0; i < cases; i++)
            {
                n++;
                var worker = $"{team}-worker-{i % workers}";
                pool.Add(new SampleCandidate(DeterministicId(n), $"REC{n:0000}", worker + "@example.org", worker, team, null, false));
            }
        return pool;
    }

    private static Guid DeterministicId(int n) => new($"00000000-0000-0000-0000-{n:000000000000}");

    private static SampleRules Rules(int? size, bool avoidSameWorker = true, int months = 12) => new(size, months, avoidSameWorker, CycleStart);

    [Fact]
    public void The_same_pool_rules_and_seed_always_give_the_same_sample()
    {
        var pool = Pool(("Team A", 40, 8), ("Team B", 25, 5));
        var first = CaseSampler.Draw(pool, Rules(12), 20260401);
        var shuffledInput = pool.AsEnumerable().Reverse().ToList();
        var second = CaseSampler.Draw(shuffledInput, Rules(12), 20260401);
        Assert.Equal(first.SelectedIds.Order(), second.SelectedIds.Order());
        Assert.Empty(CaseSampler.Verify(pool, Rules(12), 20260401, first.SelectedIds.ToHashSet()));
    }

    [Fact]
    public void A_different_seed_gives_a_different_sample()
    {
        var pool = Pool(("Team A", 40, 8), ("Team B", 25, 5));
        var a = CaseSampler.Draw(pool, Rules(12), 1).SelectedIds.ToHashSet();
        var b = CaseSampler.Draw(pool, Rules(12), 2).SelectedIds.ToHashSet();
        Assert.False(a.SetEquals(b));
    }

    [Fact]
    public void Verification_finds_a_selection_that_was_changed_after_the_draw()
    {
        var pool = Pool(("Team A", 30, 6));
        var result = CaseSampler.Draw(pool, Rules(5), 7);
        var tampered = result.SelectedIds.Skip(1).Append(pool.First(c => !result.SelectedIds.Contains(c.CaseId)).CaseId).ToHashSet();
        Assert.Equal(2, CaseSampler.Verify(pool, Rules(5), 7, tampered).Count);
    }

    [Fact]
    public void Places_are_shared_between_teams_in_proportion_to_their_cases()
    {
        var pool = Pool(("Locality", 60, 12), ("AMHP", 30, 6), ("EDT", 10, 3));
        var result = CaseSampler.Draw(pool, Rules(20), 5);
        var selectedTeams = result.SelectedIds.Select(id => pool.Single(c => c.CaseId == id).Stratum).ToList();
        Assert.Equal(12, selectedTeams.Count(t => t == "Locality"));
        Assert.Equal(6, selectedTeams.Count(t => t == "AMHP"));
        Assert.Equal(2, selectedTeams.Count(t => t == "EDT"));
        Assert.Equal(2, result.Strata.Single(s => s.Stratum == "EDT").Places);
    }

    [Fact]
    public void A_record_audited_within_the_look_back_period_is_excluded_with_the_date_given()
    {
        var pool = Pool(("Team A", 10, 10));
        pool[0] = pool[0] with { LastAuditedOn = new DateOnly(2025, 9, 15) };   // 6½ months before the cycle
        pool[1] = pool[1] with { LastAuditedOn = new DateOnly(2025, 3, 1) };    // 13 months before
        var result = CaseSampler.Draw(pool, Rules(9), 3);
        var excluded = result.For(pool[0].CaseId);
        Assert.Equal(SampleDecision.Excluded, excluded.Decision);
        Assert.Contains("15 September 2025", excluded.Reason);
        Assert.Contains("12 months", excluded.Reason);
        Assert.Equal(SampleDecision.Selected, result.For(pool[1].CaseId).Decision);
    }

    [Fact]
    public void A_look_back_of_zero_months_excludes_nothing()
    {
        var pool = Pool(("Team A", 3, 3)).Select(c => c with { LastAuditedOn = CycleStart.AddDays(-1) }).ToList();
        Assert.Equal(3, CaseSampler.Draw(pool, Rules(3, months: 0), 1).SelectedIds.Count);
    }

    [Fact]
    public void Workers_audited_in_the_previous_cycle_are_avoided_while_others_are_available()
    {
        // 10 cases from 5 workers; workers 0 and 1 were audited last cycle. 4 places: all from workers 2–4.
        var pool = Pool(("Team A", 10, 5))
            .Select(c => c with { WorkerInPreviousCycle = c.PractitionerName.EndsWith("-0") || c.PractitionerName.EndsWith("-1") }).ToList();
        for (long seed = 1; seed <= 20; seed++)
        {
            var result = CaseSampler.Draw(pool, Rules(4), seed);
            Assert.All(result.SelectedIds, id => Assert.False(pool.Single(c => c.CaseId == id).WorkerInPreviousCycle));
        }
        var notChosen = CaseSampler.Draw(pool, Rules(4), 1).Outcomes.First(o => pool.Single(c => c.CaseId == o.CaseId).WorkerInPreviousCycle);
        Assert.Contains("audited in the previous cycle", notChosen.Reason);
    }

    [Fact]
    public void Previous_cycle_workers_are_still_drawn_when_the_pool_does_not_allow_otherwise()
    {
        var pool = Pool(("Team A", 6, 3)).Select(c => c with { WorkerInPreviousCycle = !c.PractitionerName.EndsWith("-2") }).ToList();
        var result = CaseSampler.Draw(pool, Rules(4), 11);
        Assert.Equal(4, result.SelectedIds.Count);
        Assert.Equal(2, result.SelectedIds.Count(id => !pool.Single(c => c.CaseId == id).WorkerInPreviousCycle));
        Assert.Contains(result.Outcomes, o => o.Decision == SampleDecision.Selected && o.Reason.Contains("too few cases from other workers"));
    }

    [Fact]
    public void The_draw_spreads_places_across_different_workers_first()
    {
        var pool = Pool(("Team A", 20, 5));
        var result = CaseSampler.Draw(pool, Rules(5), 8);
        var workers = result.SelectedIds.Select(id => pool.Single(c => c.CaseId == id).PractitionerKey).Distinct().Count();
        Assert.Equal(5, workers);
    }

    [Fact]
    public void A_record_listed_twice_can_only_be_drawn_once()
    {
        var pool = Pool(("Team A", 4, 4));
        pool.Add(pool[0] with { CaseId = DeterministicId(999) });
        var result = CaseSampler.Draw(pool, Rules(null), 1);
        Assert.Equal(4, result.SelectedIds.Count);
        Assert.Contains("more than once", result.For(DeterministicId(999)).Reason);
    }

    [Fact]
    public void With_no_sample_size_every_eligible_case_is_selected()
    {
        var pool = Pool(("Team A", 7, 2), ("Team B", 3, 1));
        Assert.Equal(10, CaseSampler.Draw(pool, Rules(null), 1).SelectedIds.Count);
    }

    [Fact]
    public void Asking_for_more_cases_than_are_eligible_reports_the_shortfall()
    {
        var pool = Pool(("Team A", 5, 2));
        var result = CaseSampler.Draw(pool, Rules(8), 1);
        Assert.Equal(5, result.SelectedIds.Count);
        Assert.Equal(3, result.Shortfall);
    }

    [Fact]
    public void Every_case_gets_a_plain_English_reason()
    {
        var pool = Pool(("Team A", 15, 4), ("Team B", 5, 2));
        var result = CaseSampler.Draw(pool, Rules(6), 1);
        Assert.Equal(pool.Count, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.False(string.IsNullOrWhiteSpace(o.Reason)));
        Assert.All(result.Outcomes.Where(o => o.Decision == SampleDecision.NotSelected), o => Assert.StartsWith("Not drawn", o.Reason));
    }

    [Fact]
    public void A_sample_size_below_one_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => CaseSampler.Draw(Pool(("A", 2, 1)), Rules(0), 1));
    }
}
