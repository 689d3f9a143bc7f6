using Microsoft.EntityFrameworkCore;
using Portal.App.Features.Audits;
using Portal.Core.Audits;
using Portal.Core.Audits.Sampling;
using Portal.Core.Notifications;
using Portal.Core.Organisations;

namespace Portal.App.Data.Demo;

/// <summary>
/// Demo case audits for Central Bedfordshire: the default tools and themes, a finished quarterly AMHP audit
/// (48 cases in the pool, 20 drawn, allocated, completed, reflected on, moderated, one escalation and one
/// Requires improvement on the review list), and a current monthly referral audit in progress. Everything
/// goes through the Core rules. Idempotent: it does nothing if the finished cycle already exists.
/// </summary>
public sealed class AuditDemo(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string FinishedCycleName = "AMHP report audit Q2 2026/27 (Central Bedfordshire lead)";
    public const string CurrentCycleName = "AMHP referral audit November 2026";
    private const string Organisation = "Central Bedfordshire Council";

    private static readonly string[] AmhpWorkers = ["Priya Patel", "Daniel Reed", "Sophie Khan", "Marcus Bell", "Hannah Lee", "Joel Martins"];
    private static readonly string[] EdtWorkers = ["Olu Adeyemi", "Rachel Stone", "Ben Carter", "Amira Hassan"];

    private static readonly string[] Strengths =
    [
        "The report sets out clearly how each statutory criterion was met, and the person's own words are quoted throughout.",
        "Alternatives to admission were explored in detail with the home treatment team, and the reasons they were not suitable are well argued.",
        "The nearest relative was consulted promptly and their view is recorded fairly, including where it differed from the outcome.",
        "Risk is analysed, not just listed: the report links the history to the current presentation and explains the decision.",
        "Communication needs were identified early and an interpreter was arranged, so the person could take part in the assessment.",
    ];

    private static readonly (string Text, string[] Themes)[] Learning =
    [
        ("Record the person's view of the outcome in their own words, not only the professionals' views.", ["The person's participation and voice"]),
        ("Explain why each less restrictive option was not suitable, rather than listing the options considered.", ["Least restrictive option", "Legal framework and statutory duties"]),
        ("Note the time the nearest relative was informed and how, to evidence section 11(3).", ["Legal framework and statutory duties", "Quality of the recording"]),
        ("Consider and record the needs of dependants and the security of the person's home.", ["Risk assessment and management", "Carers and family involvement"]),
        ("Handover to the day team should list the actions agreed and who will do them.", ["Multi-agency working", "Quality of the recording"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == Organisation, cancellationToken);
        if (org is null || await db.AuditCycles.AnyAsync(c => c.OrganisationId == org.Id && c.Name == FinishedCycleName, cancellationToken))
            return;

        var users = await db.Users.Where(u => u.OrganisationId == org.Id).ToListAsync(cancellationToken);
        PortalUser Demo(PortalRole role) => users.Single(u => u.Email == DemoData.EmailFor(role));
        var (qualityLead, auditor, manager, serviceManager, practitioner, amhpLead) =
            (Demo(PortalRole.QualityLead), Demo(PortalRole.Auditor), Demo(PortalRole.TeamManager), Demo(PortalRole.ServiceManager), Demo(PortalRole.Practitioner), Demo(PortalRole.AmhpLead));
        await AuditTemplatesService.AddDefaultsAsync(dbFactory, org.Id, qualityLead.Id, new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

        var templates = await db.AuditTemplates.Where(t => t.OrganisationId == org.Id && t.Status == TemplateStatus.Published).ToListAsync(cancellationToken);
        var themes = await db.AuditThemes.Where(t => t.OrganisationId == org.Id).ToDictionaryAsync(t => t.Name, t => t.Id, cancellationToken);
        var teams = await db.Teams.Where(t => t.OrganisationId == org.Id).ToDictionaryAsync(t => t.Name, cancellationToken);
        var amhpTeam = teams["AMHP Service (day)"];
        var edtTeam = teams["Emergency Duty Team"];
        var rng = new SplitMix64(20260701L);

        // The finished quarterly AMHP audit.
        var cycle = new AuditCycle(org.Id, FinishedCycleName, AuditCycleKind.AmhpReportQuarterly, new(2026, 7, 1), new(2026, 9, 30), 20, Organisation);
        cycle.AddTemplate(templates.Single(t => t.Name == DefaultAuditTemplates.AmhpReportAudit));
        cycle.AddAuditor(auditor.Id, auditor.DisplayName, PracticeLevel.SeniorPractitioner);
        cycle.AddAuditor(manager.Id, manager.DisplayName, PracticeLevel.TeamManager);
        cycle.AddAuditor(serviceManager.Id, serviceManager.DisplayName, PracticeLevel.ServiceManager);
        db.AuditCycles.Add(cycle);

        var pool = new List<AuditCase>();
        for (var i = 0; i < 48; i++)
        {
            var edt = i % 8 >= 5;   // 30 AMHP day-service cases, 18 EDT cases
            var workers = edt ? EdtWorkers : AmhpWorkers;
            var worker = workers[rng.NextInt(workers.Length)];
            var team = edt ? edtTeam : amhpTeam;
            pool.Add(new AuditCase(cycle, $"RIO{704100 + i * 7}", $"{(char)('A' + rng.NextInt(26))}{(char)('A' + rng.NextInt(26))}-{1000 + i}", worker,
                worker == practitioner.DisplayName ? practitioner.Email : null, worker == practitioner.DisplayName ? practitioner.Id : null,
                team.Id, team.Name, team.Service!, "AMHP assessment", new DateOnly(2026, 4, 1).AddDays(rng.NextInt(88))));
        }
        db.AuditCases.AddRange(pool);

        var drawnAt = new DateTimeOffset(2026, 7, 3, 10, 0, 0, TimeSpan.Zero);
        cycle.RecordSampleDrawn(20260703L, qualityLead.Id, drawnAt);
        foreach (var c in pool)
            c.RecordHistory(null, false);
        var draw = CaseSampler.Draw(pool.Select(c => c.ToCandidate()).ToList(), new SampleRules(20, cycle.ExclusionMonths, cycle.AvoidSameWorker, cycle.PeriodStart), 20260703L);
        foreach (var c in pool)
            c.ApplyDraw(draw.For(c.Id));

        var template = templates.Single(t => t.Name == DefaultAuditTemplates.AmhpReportAudit);
        var auditors = new[] { auditor, manager, serviceManager }
            .Select(u => new AllocationAuditor(u.Id, u.DisplayName, u.Email, cycle.Auditors.First(a => a.UserId == u.Id).Level, u.Teams.Select(t => t.TeamId).ToHashSet(), 0)).ToList();
        var sampled = pool.Where(c => c.IsInSample).ToList();
        var allocation = AuditAllocator.Allocate(sampled.Select(c => new AllocationCase(c.Id, c.ExternalRecordId, c.PractitionerKey, c.PractitionerUserId, c.TeamId)).ToList(), auditors, false);
        var allocatedAt = drawnAt.AddDays(1);
        var audits = new List<CaseAudit>();
        foreach (var a in allocation.Where(a => a.AuditorId is not null))
        {
            var who = auditors.First(x => x.UserId == a.AuditorId);
            audits.Add(new CaseAudit(cycle, template, sampled.First(c => c.Id == a.CaseId), who.UserId, who.Name, allocatedAt));
        }
        cycle.RecordAllocated(allocatedAt);
        db.CaseAudits.AddRange(audits);

        // Grades across the four levels, one Requires improvement; answers follow the grade.
        AuditGrade[] grades = [AuditGrade.Good, AuditGrade.Adequate, AuditGrade.Good, AuditGrade.Outstanding, AuditGrade.Good, AuditGrade.Adequate, AuditGrade.Good,
            AuditGrade.RequiresImprovement, AuditGrade.Good, AuditGrade.Good, AuditGrade.Adequate, AuditGrade.Outstanding, AuditGrade.Good, AuditGrade.Good,
            AuditGrade.Adequate, AuditGrade.Good, AuditGrade.Outstanding, AuditGrade.Good, AuditGrade.Adequate, AuditGrade.Good];
        for (var i = 0; i < audits.Count; i++)
        {
            var audit = audits[i];
            var grade = grades[i % grades.Length];
            var at = allocatedAt.AddDays(7 + i * 2);
            var noRate = grade switch { AuditGrade.RequiresImprovement => 5, AuditGrade.Adequate => 3, AuditGrade.Good => 1, _ => 0 };
            var answers = template.ActiveQuestions.Select(q =>
            {
                var roll = rng.NextInt(12);
                var value = roll < noRate ? AnswerValue.No : roll == 11 ? AnswerValue.NotApplicable : AnswerValue.Yes;
                return new AnswerInput(q.Id, value, value == AnswerValue.No ? "Not evidenced in the report or the RiO record." : null);
            }).ToList();
            var learning = Learning[i % Learning.Length];
            audit.SaveDraft(template, new AuditDraft(answers, grade,
                grade switch
                {
                    AuditGrade.RequiresImprovement => "The report does not show how the criteria for detention were met and alternatives are not explored; the nearest relative's rights are not evidenced.",
                    AuditGrade.Adequate => "Some evidence of the legal framework and of involving the person, but the analysis of alternatives and the recording could be improved.",
                    AuditGrade.Good => "Evidence-based practice applying the Mental Health Act and local guidance; the person's views are recorded and the decision is clearly reasoned.",
                    _ => "Exceptional analysis of the person's circumstances, with creative use of community resources to avoid admission where possible.",
                },
                Strengths[i % Strengths.Length],
                grade == AuditGrade.Outstanding ? null : learning.Text,
                [new LearningPointInput(learning.Text, learning.Themes.Select(t => themes[t]).ToList())]), audit.AuditorId, at.AddDays(-1));
            audit.Complete(template, audit.AuditorId, at);
        }

        // Practitioner reflection and response, the line manager's conversation.
        foreach (var audit in audits.Where(a => a.PractitionerUserId == practitioner.Id))
        {
            audit.SubmitReflection(practitioner.Id, "I was confident about the legal criteria but could have recorded the person's own view of the outcome more fully.", audit.AllocatedAt.AddDays(2));
            audit.Respond(practitioner.Id, "Thank you for the feedback. I have started quoting the person directly in my reports.", audit.CompletedAt!.Value.AddDays(3));
            audit.RecordReflectiveConversation(manager.Id, manager.DisplayName, DateOnly.FromDateTime(audit.CompletedAt!.Value.UtcDateTime).AddDays(5),
                "Discussed the feedback in supervision; agreed to use the person's own words and to share the good practice at the team meeting.", new DateOnly(2026, 11, 1));
        }

        // Escalation on the Requires improvement audit: concern contact, alert acknowledged, corrective action open.
        var ri = audits.First(a => a.Grade == AuditGrade.RequiresImprovement);
        ri.RecordConcernContact(ri.AuditorId, manager.DisplayName, ConcernContactRole.TeamManager, ri.CompletedAt!.Value.AddHours(-2),
            "Agreed to review the case with the AMHP this week and check that a follow-up plan is in place.", ri.CompletedAt.Value.AddHours(-1));
        ri.RaiseRiskAlert(ri.AuditorId, "No follow-up plan was recorded after the assessment; the person lives alone and may have been left at risk.", ri.CompletedAt.Value.AddHours(-1));
        ri.AcknowledgeRiskAlert(amhpLead.Id, amhpLead.DisplayName, "Duty AMHP contacted the person the same day; care coordinator visit arranged.", ri.CompletedAt.Value.AddHours(1));
        ri.SetCorrectiveAction("Revisit the case with the AMHP, complete a follow-up plan and record the nearest relative consultation.", manager.DisplayName,
            new DateOnly(2026, 12, 18), new DateOnly(2026, 10, 1));

        // Moderation: 20% at random, moderated by the Quality Lead.
        var moderationAt = new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.Zero);
        cycle.RecordModerationSelected(20261012L, moderationAt);
        var chosen = ModerationSampler.Select(audits.Select(a => a.Id).ToList(), 20261012L);
        foreach (var (audit, n) in chosen.Select((id, n) => (audits.First(a => a.Id == id), n)))
        {
            audit.SelectForModeration(qualityLead.Id, qualityLead.DisplayName, moderationAt);
            var differs = n == 0 && audit.Grade == AuditGrade.Good;
            audit.RecordModeration(qualityLead.Id, differs ? AuditGrade.Adequate : audit.Grade!.Value, !differs, true,
                differs ? "The person's voice is thin in the report; on the framework's descriptors this is Adequate." : null, moderationAt.AddDays(2 + n));
        }
        cycle.Close(new DateTimeOffset(2026, 10, 30, 16, 0, 0, TimeSpan.Zero));

        SeedCurrentCycle(db, org, templates, amhpTeam, edtTeam, manager, practitioner, rng);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>This month's referral audit: drawn and allocated to the team manager, one audit started, the practitioner's reflection owed.</summary>
    private void SeedCurrentCycle(PortalDbContext db, Organisation org, List<AuditTemplate> templates, Team amhpTeam, Team edtTeam, PortalUser manager, PortalUser practitioner, SplitMix64 rng)
    {
        var template = templates.Single(t => t.Name == DefaultAuditTemplates.AmhpReferralAudit);
        var cycle = new AuditCycle(org.Id, CurrentCycleName, AuditCycleKind.AmhpReferralMonthly, new(2026, 11, 1), new(2026, 11, 30), 4, null);
        cycle.AddTemplate(template);
        cycle.AddAuditor(manager.Id, manager.DisplayName, PracticeLevel.TeamManager);
        db.AuditCycles.Add(cycle);
        var pool = Enumerable.Range(0, 12).Select(i =>
        {
            var edt = i % 3 == 2;
            var worker = edt ? EdtWorkers[i % EdtWorkers.Length] : i == 0 ? practitioner.DisplayName : AmhpWorkers[1 + i % (AmhpWorkers.Length - 1)];
            var team = edt ? edtTeam : amhpTeam;
            return new AuditCase(cycle, $"RIO{711000 + i * 11}", $"R-{2000 + i}", worker, worker == practitioner.DisplayName ? practitioner.Email : null,
                worker == practitioner.DisplayName ? practitioner.Id : null, team.Id, team.Name, team.Service!, "AMHP referral", new DateOnly(2026, 10, 1).AddDays(rng.NextInt(30)));
        }).ToList();
        db.AuditCases.AddRange(pool);
        var drawnAt = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        cycle.RecordSampleDrawn(20261102L, manager.Id, drawnAt);
        foreach (var c in pool)
            c.RecordHistory(null, false);
        var draw = CaseSampler.Draw(pool.Select(c => c.ToCandidate()).ToList(), new SampleRules(4, cycle.ExclusionMonths, cycle.AvoidSameWorker, cycle.PeriodStart), 20261102L);
        foreach (var c in pool)
            c.ApplyDraw(draw.For(c.Id));
        // Make sure the demo practitioner has a reflection to write: add her case by hand if the draw missed it.
        var hers = pool.First(c => c.PractitionerUserId == practitioner.Id);
        if (!hers.IsInSample)
            hers.AddToSample("Added for the demo: the practitioner asked for this referral to be reviewed in the Huddle.", manager.Id, drawnAt);
        var audits = pool.Where(c => c.IsInSample).Select(c => new CaseAudit(cycle, template, c, manager.Id, manager.DisplayName, drawnAt.AddHours(1))).ToList();
        cycle.RecordAllocated(drawnAt.AddHours(1));
        db.CaseAudits.AddRange(audits);
        var first = audits[0];
        first.SaveDraft(template, new AuditDraft(template.ActiveQuestions.Take(3).Select(q => new AnswerInput(q.Id, AnswerValue.Yes, null)).ToList(), null, null, null, null, []),
            manager.Id, drawnAt.AddDays(1));
        // The manager's allocations show in the "Case audits" section of My work; only the practitioner gets a notification
        // here, so the foundation's demo notifications stay as they were.
        foreach (var a in audits.Where(a => a.PractitionerUserId == practitioner.Id))
            db.Notifications.Add(new Notification(practitioner.Id,
                $"Your work on record {a.ExternalRecordId} has been chosen for audit in {cycle.Name}. Please complete your self-reflection on the case.",
                AuditLinks.View(a.Id), false, clock.GetUtcNow()));
    }
}
