using Xunit;
using Portal.Core;
using Portal.Core.Audits;
using Portal.Core.Audits.Sampling;
using static Portal.Tests.Core.Audits.AuditBuilders;

namespace Portal.Tests.Core.Audits;

public class AuditCycleTests
{
    [Fact]
    public void Only_Senior_Practitioners_and_above_join_the_auditor_pool()
    {
        var cycle = new AuditCycle(Org, "Cycle", AuditCycleKind.PracticeAuditCycle, new(2026, 4, 1), new(2026, 5, 12), 120, null);
        var ex = Assert.Throws<DomainRuleException>(() => cycle.AddAuditor(Guid.NewGuid(), "Jo Bloggs", PracticeLevel.Practitioner));
        Assert.Contains("Senior Practitioner and above", ex.Message);
        cycle.AddAuditor(Guid.NewGuid(), "Alex Morgan", PracticeLevel.SeniorPractitioner);
        Assert.Single(cycle.Auditors);
    }

    [Fact]
    public void The_quarterly_AMHP_audit_needs_one_of_the_three_councils_as_lead()
    {
        Assert.Throws<DomainRuleException>(() => new AuditCycle(Org, "Q1", AuditCycleKind.AmhpReportQuarterly, new(2026, 4, 1), new(2026, 6, 30), 20, null));
        Assert.Throws<DomainRuleException>(() => new AuditCycle(Org, "Q1", AuditCycleKind.AmhpReportQuarterly, new(2026, 4, 1), new(2026, 6, 30), 20, "Essex County Council"));
        var cycle = new AuditCycle(Org, "Q1", AuditCycleKind.AmhpReportQuarterly, new(2026, 4, 1), new(2026, 6, 30), 20, "luton borough council");
        Assert.Equal("Luton Borough Council", cycle.LeadCouncil);
        Assert.Equal("Central Bedfordshire Council", LeadCouncilRotation.Next("Luton Borough Council"));
    }

    [Fact]
    public void The_sample_is_drawn_once_and_needs_a_published_tool()
    {
        var cycle = new AuditCycle(Org, "Cycle", AuditCycleKind.PracticeAuditCycle, new(2026, 4, 1), new(2026, 5, 12), 10, null);
        Assert.Throws<DomainRuleException>(() => cycle.RecordSampleDrawn(1, Guid.NewGuid(), Now));
        var draft = new AuditTemplate(Org, "Draft tool", null, null, false);
        Assert.Throws<DomainRuleException>(() => cycle.AddTemplate(draft));
        cycle.AddTemplate(PublishedTemplate());
        cycle.RecordSampleDrawn(42, Guid.NewGuid(), Now);
        Assert.Equal(42, cycle.SampleSeed);
        Assert.Throws<DomainRuleException>(() => cycle.RecordSampleDrawn(43, Guid.NewGuid(), Now));
        Assert.Throws<DomainRuleException>(() => cycle.SetSamplingRules(6, true, false));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => new AuditCycle(Org, "Bad", AuditCycleKind.Other, new(2026, 4, 1), new(2026, 3, 1), 5, null));
    }

    [Fact]
    public void Manual_changes_to_the_sample_need_a_reason_and_allocated_cases_stay_put()
    {
        var template = PublishedTemplate();
        var (cycle, selected) = CycleWithSampledCase(template);
        Assert.Throws<DomainRuleException>(() => selected.RemoveFromSample("  ", Guid.NewGuid(), Now));
        var audit = new CaseAudit(cycle, template, selected, Guid.NewGuid(), "Alex Morgan", Now);
        var ex = Assert.Throws<DomainRuleException>(() => selected.RemoveFromSample("Case closed", Guid.NewGuid(), Now));
        Assert.Contains("already been allocated", ex.Message);
        Assert.Equal(audit.Id, selected.AuditId);
    }

    [Fact]
    public void A_case_not_drawn_can_be_added_by_hand_with_its_reason_recorded()
    {
        var template = PublishedTemplate();
        var cycle = new AuditCycle(Org, "Cycle", AuditCycleKind.PracticeAuditCycle, new(2026, 4, 1), new(2026, 5, 12), 1, null);
        cycle.AddTemplate(template);
        var c = new AuditCase(cycle, "MOS9", "AB", "Sam Jones", null, null, Guid.NewGuid(), "Team", "Locality team", "Care Act review", new(2026, 3, 1));
        Assert.Throws<DomainRuleException>(() => c.AddToSample("Because", Guid.NewGuid(), Now));
        cycle.RecordSampleDrawn(1, Guid.NewGuid(), Now);
        c.ApplyDraw(new(c.Id, SampleDecision.NotSelected, "Not drawn: the random draw filled Team's 1 place with other cases."));
        c.AddToSample("Complaint received about this review; PGB asked for it to be audited.", Guid.NewGuid(), Now);
        Assert.Equal(CaseSelection.AddedManually, c.Selection);
        Assert.False(c.DrawnByLot);
        Assert.Contains("Complaint", c.ManualReason);
    }

    [Fact]
    public void A_full_name_is_refused_where_initials_or_a_pseudonymous_id_belong()
    {
        Assert.Throws<DomainRuleException>(() => AuditCase.CheckPersonRef("John Smith"));
        Assert.Equal("J.S.", AuditCase.CheckPersonRef("J.S."));
        Assert.Equal("P-10234", AuditCase.CheckPersonRef("P-10234"));
        Assert.Equal("JS 1", AuditCase.CheckPersonRef("JS 1"));
    }
}

public class AnnualPlanTests
{
    [Fact]
    public void The_Essex_plan_is_eight_back_to_back_cycles_of_120_covering_the_year()
    {
        var start = new DateOnly(2026, 4, 1);
        var plan = AnnualPlan.Generate(PlanModel.EssexPracticeAudits, start);
        Assert.Equal(8, plan.Count);
        Assert.Equal(960, plan.Sum(p => p.SampleSize));
        Assert.Equal(start, plan[0].Start);
        Assert.Equal(new DateOnly(2027, 3, 31), plan[^1].End);
        for (var i = 1; i < plan.Count; i++)
            Assert.Equal(plan[i - 1].End.AddDays(1), plan[i].Start);
        Assert.All(plan, p => Assert.InRange(p.End.DayNumber - p.Start.DayNumber + 1, 45, 46));
        Assert.Equal("Practice audit cycle 1 2026/27", plan[0].Name);
        Assert.Contains(DefaultAuditTemplates.Safeguarding, plan[0].TemplateNames);
    }

    [Fact]
    public void The_Bedfordshire_plan_rotates_the_quarterly_lead_and_adds_monthly_referral_and_no_MHAA_audits()
    {
        var plan = AnnualPlan.Generate(PlanModel.BedfordshireAmhpEdt, new DateOnly(2026, 4, 1), "Bedford Borough Council");
        var quarterly = plan.Where(p => p.Kind == AuditCycleKind.AmhpReportQuarterly).ToList();
        Assert.Equal(["Bedford Borough Council", "Luton Borough Council", "Central Bedfordshire Council", "Bedford Borough Council"], quarterly.Select(q => q.LeadCouncil));
        Assert.All(quarterly, q => Assert.Equal(20, q.SampleSize));
        var referral = plan.Where(p => p.Kind == AuditCycleKind.AmhpReferralMonthly).ToList();
        Assert.Equal(12, referral.Count);
        Assert.All(referral, r => Assert.Equal(4, r.SampleSize));
        var noMhaa = plan.Where(p => p.Kind == AuditCycleKind.NoMhaaMonthly).ToList();
        Assert.Equal(12, noMhaa.Count);
        Assert.All(noMhaa, r => Assert.Null(r.SampleSize));
        Assert.Equal(new DateOnly(2026, 4, 30), referral[0].End);
        Assert.Equal("AMHP referral audit April 2026", referral[0].Name);
    }
}

public class PractitionerAuditTrackerTests
{
    private static readonly DateOnly YearStart = new(2026, 4, 1);

    [Fact]
    public void None_are_expected_at_the_start_one_by_half_way_and_two_by_the_end()
    {
        Assert.Equal(0, PractitionerAuditTracker.ExpectedByNow(YearStart, YearStart));
        Assert.Equal(1, PractitionerAuditTracker.ExpectedByNow(YearStart, new(2026, 10, 1)));
        Assert.Equal(2, PractitionerAuditTracker.ExpectedByNow(YearStart, new(2027, 3, 31)));
    }

    [Fact]
    public void Practitioners_behind_the_two_a_year_minimum_are_listed_first()
    {
        var rows = PractitionerAuditTracker.Evaluate(
        [
            new("a", "Ann", "Team", 2, 0),
            new("b", "Bob", "Team", 0, 1),
            new("c", "Cat", "Team", 1, 0),
        ], YearStart, new(2026, 11, 1));
        Assert.Equal(["Bob", "Cat", "Ann"], rows.Select(r => r.PractitionerName));
        Assert.Equal(["Behind", "On track", "Met"], rows.Select(r => r.StatusText));
    }
}

public class CycleReportTests
{
    private static readonly Guid Q1 = Guid.NewGuid(), Q2 = Guid.NewGuid();
    private static readonly Guid Ann = Guid.NewGuid(), Bob = Guid.NewGuid();

    private static ReportAudit Audit(string team, AuditGrade grade, AnswerValue q1, AnswerValue q2, Guid auditor, AuditGrade? moderated = null, params string[] themes) =>
        new(Guid.NewGuid(), team, team == "EDT" ? "EDT" : "AMHP day service", grade, [new(Q1, q1), new(Q2, q2)], themes, auditor,
            auditor == Ann ? "Ann" : "Bob", moderated, moderated is null ? null : true, moderated is null ? null : moderated == grade);

    [Fact]
    public void Grades_teams_questions_themes_and_moderation_are_summarised()
    {
        var audits = new List<ReportAudit>
        {
            Audit("AMHP", AuditGrade.Good, AnswerValue.Yes, AnswerValue.No, Ann, AuditGrade.Good, "Recording"),
            Audit("AMHP", AuditGrade.Outstanding, AnswerValue.Yes, AnswerValue.NotApplicable, Ann, null, "Recording", "Risk"),
            Audit("EDT", AuditGrade.RequiresImprovement, AnswerValue.No, AnswerValue.No, Bob, AuditGrade.Adequate, "Risk"),
            Audit("EDT", AuditGrade.Adequate, AnswerValue.Yes, AnswerValue.Yes, Bob),
        };
        var s = CycleReport.Summarise(5, audits, [new(Q1, "Voice", "Was the person involved?", 1), new(Q2, "Recording", "Is the record clear?", 2)]);

        Assert.Equal(4, s.Completed);
        Assert.Equal(5, s.Allocated);
        Assert.Equal(25, s.Grades.Single(g => g.Grade == AuditGrade.RequiresImprovement).Percent);
        Assert.Equal(50, s.PercentGoodOrBetter);
        Assert.Equal(100, s.ByTeam.Single(t => t.Name == "AMHP").PercentGoodOrBetter);
        Assert.Equal(0, s.ByTeam.Single(t => t.Name == "EDT").PercentGoodOrBetter);
        Assert.Equal(2, s.ByService.Count);
        Assert.Equal(75, s.Questions[0].YesRate);
        // Not applicable is left out of the Yes rate: 1 Yes of 3 answered Yes or No.
        Assert.Equal(100.0 / 3, s.Questions[1].YesRate!.Value, 6);
        Assert.Equal(1, s.Questions[1].NotApplicable);
        Assert.Equal(["Recording", "Risk"], s.Themes.Select(t => t.Theme));
        Assert.Equal(50, s.Themes[0].PercentOfAudits);
        Assert.Equal(2, s.Moderated);
        Assert.Equal(0.5, s.Agreement.ExactAgreement);
        Assert.Equal(2, s.AgreementByAuditor.Count);
        Assert.Equal(1.0, s.AgreementByAuditor.Single(a => a.AuditorName == "Ann").Agreement.ExactAgreement);
        Assert.Equal(50, s.PercentFeedbackConstructive);

        var measures = CycleReport.Measures(Guid.NewGuid(), "Cycle 1", new(2026, 5, 12), s);
        Assert.Equal(25, measures.PercentRequiresImprovement);
        Assert.Equal(50, measures.ExactAgreement);
    }

    [Fact]
    public void An_empty_cycle_reports_no_percentages_rather_than_zero()
    {
        var s = CycleReport.Summarise(3, [], []);
        Assert.Null(s.PercentGoodOrBetter);
        Assert.Equal(AgreementResult.None, s.Agreement);
    }
}

public class NameRedactionTests
{
    [Fact]
    public void Full_names_and_their_parts_are_removed_as_whole_words()
    {
        var text = "Priya Patel spoke to J.S.'s daughter; priya then updated the plan. Patelian is not a name here. Alex Morgan agreed.";
        var result = NameRedaction.Redact(text, ["Priya Patel", "Alex Morgan", "J.S."]);
        Assert.DoesNotContain("Priya", result, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Morgan", result);
        Assert.DoesNotContain("J.S.", result);
        Assert.Contains("Patelian", result);
        Assert.StartsWith("[name removed] spoke", result);
    }
}
