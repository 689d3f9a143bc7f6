using Portal.Core.Audits;

namespace Portal.Tests.Core.Audits;

/// <summary>Small builders for Core audit tests: a published two-question tool, a cycle and a sampled case.</summary>
internal static class AuditBuilders
{
    public static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Org = Guid.NewGuid();

    public static AuditTemplate PublishedTemplate(bool secondQuestionRequired = true)
    {
        var t = new AuditTemplate(Org, "Care Act assessment", null, "Care Act assessment", isStartingPoint: false);
        var voice = t.AddSection("The person's participation and voice", null);
        t.AddQuestion(voice.Id, "Was the person involved?", null, isRequired: true, commentRequiredOnNo: true);
        var recording = t.AddSection("Quality of the recording", null);
        t.AddQuestion(recording.Id, "Is the record clear?", null, isRequired: secondQuestionRequired, commentRequiredOnNo: false);
        t.Publish(Guid.NewGuid(), Now);
        return t;
    }

    public static (AuditCycle Cycle, AuditCase Case) CycleWithSampledCase(AuditTemplate template, Guid? practitionerId = null)
    {
        var cycle = new AuditCycle(Org, "Cycle 1", AuditCycleKind.PracticeAuditCycle, new(2026, 4, 1), new(2026, 5, 15), 10, null);
        cycle.AddTemplate(template);
        var auditCase = new AuditCase(cycle, "MOS123", "J.S.", "Priya Patel", "priya@example.org", practitionerId ?? Guid.NewGuid(),
            Guid.NewGuid(), "Dunstable Locality Team", "Locality team", "Care Act assessment", new(2026, 3, 10));
        cycle.RecordSampleDrawn(1, Guid.NewGuid(), Now);
        auditCase.RecordHistory(null, false);
        auditCase.ApplyDraw(new(auditCase.Id, Portal.Core.Audits.Sampling.SampleDecision.Selected, "Randomly drawn."));
        return (cycle, auditCase);
    }

    public static (CaseAudit Audit, AuditTemplate Template, Guid AuditorId, Guid PractitionerId) AllocatedAudit()
    {
        var template = PublishedTemplate();
        var practitioner = Guid.NewGuid();
        var (cycle, auditCase) = CycleWithSampledCase(template, practitioner);
        var auditor = Guid.NewGuid();
        return (new CaseAudit(cycle, template, auditCase, auditor, "Alex Morgan", Now), template, auditor, practitioner);
    }

    public static AuditDraft FullDraft(AuditTemplate template, AuditGrade grade, AnswerValue first = AnswerValue.Yes, string? firstComment = null) => new(
        template.ActiveQuestions.Select((q, i) => new AnswerInput(q.Id, i == 0 ? first : AnswerValue.Yes, i == 0 ? firstComment : null)).ToList(),
        grade,
        "The assessment reflects the person's wishes and applies the Care Act well.",
        "Clear analysis of strengths.",
        grade == AuditGrade.Outstanding ? null : "Record the carer's views in their own words.",
        [new LearningPointInput("Offer a carer's assessment and record it.", [])]);

    public static CaseAudit CompletedAudit(out AuditTemplate template, out Guid auditorId, out Guid practitionerId, AuditGrade grade = AuditGrade.Good)
    {
        var (audit, t, auditor, practitioner) = AllocatedAudit();
        audit.SaveDraft(t, FullDraft(t, grade), auditor, Now);
        audit.Complete(t, auditor, Now.AddHours(1));
        template = t;
        auditorId = auditor;
        practitionerId = practitioner;
        return audit;
    }
}
