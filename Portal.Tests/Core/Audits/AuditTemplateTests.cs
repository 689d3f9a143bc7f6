using Xunit;
using Portal.Core;
using Portal.Core.Audits;

namespace Portal.Tests.Core.Audits;

public class AuditTemplateTests
{
    [Fact]
    public void A_published_template_cannot_be_edited()
    {
        var t = AuditBuilders.PublishedTemplate();
        var ex = Assert.Throws<DomainRuleException>(() => t.AddSection("New", null));
        Assert.Contains("Start a new version", ex.Message);
        Assert.Throws<DomainRuleException>(() => t.RetireQuestion(t.ActiveQuestions[0].Id));
    }

    [Fact]
    public void A_new_version_copies_the_questions_keeps_their_keys_and_leaves_the_old_version_untouched()
    {
        var v1 = AuditBuilders.PublishedTemplate();
        var v2 = v1.CreateNextDraft();
        Assert.Equal(2, v2.TemplateVersion);
        Assert.Equal(v1.FamilyId, v2.FamilyId);
        Assert.Equal(TemplateStatus.Draft, v2.Status);
        Assert.Equal(v1.ActiveQuestions.Select(q => q.Key), v2.ActiveQuestions.Select(q => q.Key));
        Assert.DoesNotContain(v2.ActiveQuestions, q => v1.ActiveQuestions.Any(o => o.Id == q.Id));

        v2.UpdateQuestion(v2.ActiveQuestions[0].Id, "Was the person involved, and how?", "Look for their own words.", true, true);
        Assert.Equal("Was the person involved?", v1.ActiveQuestions[0].Text);
    }

    [Fact]
    public void A_retired_question_is_not_asked_and_is_not_carried_into_the_next_version()
    {
        var v2 = AuditBuilders.PublishedTemplate().CreateNextDraft();
        var retired = v2.ActiveQuestions[1];
        v2.RetireQuestion(retired.Id);
        Assert.DoesNotContain(v2.ActiveQuestions, q => q.Id == retired.Id);
        Assert.True(v2.Question(retired.Id).IsRetired);
        // Its section now has no active questions, so publishing says which section to fix.
        var ex = Assert.Throws<DomainRuleException>(() => v2.Publish(Guid.NewGuid(), AuditBuilders.Now));
        Assert.Contains("Quality of the recording", ex.Message);
        v2.RestoreQuestion(retired.Id);
        v2.Publish(Guid.NewGuid(), AuditBuilders.Now);
        Assert.Equal(2, v2.CreateNextDraft().ActiveQuestions.Count);
    }

    [Fact]
    public void Questions_and_sections_can_be_reordered_but_not_past_the_ends()
    {
        var t = new AuditTemplate(AuditBuilders.Org, "Tool", null, null, false);
        var s1 = t.AddSection("One", null);
        var s2 = t.AddSection("Two", null);
        var a = t.AddQuestion(s1.Id, "A?", null, true, false);
        var b = t.AddQuestion(s1.Id, "B?", null, true, false);
        t.AddQuestion(s2.Id, "C?", null, true, false);
        t.MoveQuestion(b.Id, -1);
        Assert.Equal(["B?", "A?", "C?"], t.ActiveQuestions.Select(q => q.Text));
        t.MoveSection(s2.Id, -1);
        Assert.Equal(["C?", "B?", "A?"], t.ActiveQuestions.Select(q => q.Text));
        Assert.Throws<DomainRuleException>(() => t.MoveQuestion(b.Id, -1));
        Assert.Throws<DomainRuleException>(() => t.RemoveSection(s1.Id));
        _ = a;
    }

    [Fact]
    public void A_template_without_questions_cannot_be_published()
    {
        var t = new AuditTemplate(AuditBuilders.Org, "Empty", null, null, false);
        Assert.Throws<DomainRuleException>(() => t.Publish(Guid.NewGuid(), AuditBuilders.Now));
    }

    [Fact]
    public void Only_a_published_version_can_be_superseded_and_drafts_cannot_start_another_draft()
    {
        var t = AuditBuilders.PublishedTemplate();
        var draft = t.CreateNextDraft();
        Assert.Throws<DomainRuleException>(() => draft.CreateNextDraft());
        Assert.Throws<DomainRuleException>(() => draft.Supersede());
        t.Supersede();
        Assert.Equal(TemplateStatus.Superseded, t.Status);
    }

    [Fact]
    public void Every_default_tool_the_issue_names_builds_and_publishes_as_an_editable_starting_point()
    {
        string[] named =
        [
            "AMHP Report Audit (local authority quarterly)", "AMHP report audit in supervision", "AMHP Referral Audit", "EDT Case Audit",
            "No-MHAA referral audit", "Joint Case Audit", "Care Act assessment", "Care Act review", "Mental Capacity Act assessment",
            "Safeguarding concern / s42 enquiry",
        ];
        Assert.Equal(named, DefaultAuditTemplates.All.Select(t => t.Name));
        foreach (var d in DefaultAuditTemplates.All)
        {
            var t = d.Build(AuditBuilders.Org);
            Assert.True(t.IsStartingPoint);
            Assert.Contains("starting point", t.Description);
            t.Publish(Guid.NewGuid(), AuditBuilders.Now);
            Assert.All(t.ActiveQuestions, q => Assert.EndsWith("?", q.Text));
            Assert.True(t.ActiveQuestions.Count >= 6, d.Name);
        }
    }
}
