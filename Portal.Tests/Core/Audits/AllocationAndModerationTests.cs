using Xunit;
using Portal.Core;
using Portal.Core.Audits;

namespace Portal.Tests.Core.Audits;

public class AuditAllocatorTests
{
    private static readonly Guid TeamA = Guid.NewGuid(), TeamB = Guid.NewGuid();

    private static AllocationAuditor Auditor(string name, Guid team, PracticeLevel level = PracticeLevel.SeniorPractitioner, int load = 0) =>
        new(Guid.NewGuid(), name, $"{name.ToLowerInvariant()}@example.org", level, new HashSet<Guid> { team }, load);

    private static AllocationCase Case(int n, string worker, Guid team, Guid? userId = null) =>
        new(Guid.NewGuid(), $"REC{n}", $"{worker.ToLowerInvariant()}@example.org", userId, team);

    [Fact]
    public void Nobody_is_allocated_their_own_work()
    {
        var ann = Auditor("Ann", TeamA);
        var bob = Auditor("Bob", TeamB);
        var cases = Enumerable.Range(1, 10).Select(i => Case(i, i % 2 == 0 ? "Ann" : "Bob", TeamA)).ToList();
        var result = AuditAllocator.Allocate(cases, [ann, bob], excludeOwnTeam: false);
        foreach (var a in result)
        {
            var c = cases.Single(x => x.CaseId == a.CaseId);
            var auditor = new[] { ann, bob }.Single(x => x.UserId == a.AuditorId);
            Assert.NotEqual(c.PractitionerKey, auditor.Key);
        }
    }

    [Fact]
    public void Auditors_in_the_practitioners_team_are_skipped_when_the_cycle_says_so()
    {
        var inTeam = Auditor("Ann", TeamA);
        var outside = Auditor("Bob", TeamB);
        var cases = Enumerable.Range(1, 4).Select(i => Case(i, $"Worker{i}", TeamA)).ToList();
        var result = AuditAllocator.Allocate(cases, [inTeam, outside], excludeOwnTeam: true);
        Assert.All(result, a => Assert.Equal(outside.UserId, a.AuditorId));
        var relaxed = AuditAllocator.Allocate(cases, [inTeam, outside], excludeOwnTeam: false);
        Assert.Equal(2, relaxed.Count(a => a.AuditorId == inTeam.UserId));
    }

    [Fact]
    public void Work_is_balanced_taking_open_audits_into_account()
    {
        var busy = Auditor("Ann", TeamA, load: 4);
        var free1 = Auditor("Bob", TeamA);
        var free2 = Auditor("Cat", TeamA);
        var cases = Enumerable.Range(1, 10).Select(i => Case(i, $"Worker{i}", TeamB)).ToList();
        var result = AuditAllocator.Allocate(cases, [busy, free1, free2], false);
        var totals = new[] { busy, free1, free2 }.Select(a => a.CurrentLoad + result.Count(r => r.AuditorId == a.UserId)).ToList();
        Assert.True(totals.Max() - totals.Min() <= 1, string.Join(",", totals));
    }

    [Fact]
    public void A_case_only_one_auditor_can_take_is_placed_before_that_auditor_fills_up()
    {
        var ann = Auditor("Ann", TeamA);
        var bob = Auditor("Bob", TeamA);
        // Case 1 is Bob's own work, so only Ann can do it; Ann must not be used up elsewhere first.
        var cases = new List<AllocationCase> { Case(2, "Worker2", TeamB), Case(1, "Bob", TeamB) };
        var result = AuditAllocator.Allocate(cases, [ann, bob], false);
        Assert.Equal(ann.UserId, result.Single(r => r.CaseId == cases[1].CaseId).AuditorId);
        Assert.Equal(bob.UserId, result.Single(r => r.CaseId == cases[0].CaseId).AuditorId);
    }

    [Fact]
    public void An_auditor_below_Senior_Practitioner_is_never_chosen_and_the_reason_is_given()
    {
        var junior = Auditor("Jo", TeamA, PracticeLevel.Practitioner);
        var result = AuditAllocator.Allocate([Case(1, "Worker", TeamB)], [junior], false);
        Assert.Null(result[0].AuditorId);
        Assert.Contains("Senior Practitioner", result[0].Problem);
    }
}

public class ModerationSamplerTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(20, 4)]
    [InlineData(120, 24)]
    public void Twenty_percent_of_completed_audits_are_moderated_and_at_least_one(int completed, int expected)
    {
        Assert.Equal(expected, ModerationSampler.HowMany(completed));
    }

    [Fact]
    public void The_moderation_sample_is_reproducible_from_its_seed()
    {
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var a = ModerationSampler.Select(ids, 555);
        Assert.Equal(6, a.Count);
        Assert.Equal(a, ModerationSampler.Select(ids.AsEnumerable().Reverse().ToList(), 555));
        Assert.NotEqual(a, ModerationSampler.Select(ids, 556));
    }

    [Fact]
    public void No_one_moderates_their_own_audit_and_moderation_is_shared_evenly()
    {
        var m1 = Guid.NewGuid();
        var m2 = Guid.NewGuid();
        var selected = Enumerable.Range(0, 6).Select(i => (Guid.NewGuid(), i < 3 ? m1 : Guid.NewGuid())).ToList();
        var result = ModerationSampler.AssignModerators(selected, [m1, m2]);
        Assert.All(selected.Take(3), s => Assert.Equal(m2, result[s.Item1]));
        Assert.Equal(3, result.Values.Count(v => v == m1));
    }

    [Fact]
    public void An_audit_whose_auditor_is_the_only_moderator_cannot_be_moderated()
    {
        var only = Guid.NewGuid();
        Assert.Throws<DomainRuleException>(() => ModerationSampler.AssignModerators([(Guid.NewGuid(), only)], [only]));
    }
}
