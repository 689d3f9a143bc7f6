using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Audits;
using Portal.Core.Organisations;

namespace Portal.App.Features.Audits;

/// <summary>
/// Lists of audits by who is looking, the practitioner's self-reflection and right of reply, and the line
/// manager's reflective conversation. The grade and feedback are withheld from the practitioner until they
/// have written their reflection (seed 004: the reflection is requested when the case is chosen).
/// </summary>
public sealed class AuditFeedbackService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record AuditRow(Guid Id, string CycleName, string TemplateName, int TemplateVersion, string ExternalRecordId, string PractitionerName,
        string TeamName, string AuditorName, AuditStatus Status, AuditGrade? Grade, bool ReflectionWritten, DateTimeOffset AllocatedAt,
        DateTimeOffset? CompletedAt, bool OpenRiskAlert, bool IAmTheAuditor);

    public sealed record AuditQuery(Guid? CycleId, AuditStatus? Status, string? Search, int Skip, int Take);

    public sealed record LearningPointView(string Text, IReadOnlyList<string> Themes);

    public sealed record AnsweredQuestion(string Section, string Text, AnswerValue? Value, string? Comment);

    /// <summary>What one person may see of an audit. Outcome fields are null while withheld from the practitioner.</summary>
    public sealed record AuditView(
        Guid Id, int Version, string CycleName, string TemplateName, int TemplateVersion, string ExternalRecordId, string PersonRef,
        string PractitionerName, string TeamName, string Service, string WorkType, DateOnly WorkDate, string AuditorName, AuditStatus Status,
        DateTimeOffset? CompletedAt, bool IsPractitioner, bool OutcomeVisible, bool CanReflect, bool CanRespond, bool CanRecordConversation,
        string? Reflection, DateTimeOffset? ReflectionSubmittedAt,
        AuditGrade? Grade, string? GradeRationale, string? Strengths, string? HigherGradeAdvice, IReadOnlyList<LearningPointView>? LearningPoints,
        IReadOnlyList<AnsweredQuestion>? Answers,
        DateOnly? ReflectiveConversationOn, string? ReflectiveConversationNotes, string? ReflectiveConversationBy,
        string? PractitionerResponse, DateTimeOffset? PractitionerRespondedAt,
        string? RiskAlertDetails, DateTimeOffset? RiskAlertRaisedAt, bool CanAcknowledgeAlert, string? RiskAlertAcknowledgedByName,
        DateTimeOffset? RiskAlertAcknowledgedAt, string? RiskAlertAcknowledgementNote);

    /// <summary>For the "My work" dashboard: audits I must do, and reflections I owe.</summary>
    public sealed record MyAuditWork(IReadOnlyList<AuditRow> ToAudit, IReadOnlyList<AuditRow> ReflectionsOwed, IReadOnlyList<AuditRow> FeedbackReady);

    public async Task<MyAuditWork> MyWorkAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewOwnAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var mine = db.CaseAudits.AsNoTracking().Where(a => a.OrganisationId == me.OrganisationId);
        var toAudit = await Rows(db, mine.Where(a => a.AuditorId == me.UserId && a.Status != AuditStatus.Completed).OrderBy(a => a.AllocatedAt), me.UserId).Take(50).ToListAsync();
        var owed = await Rows(db, mine.Where(a => a.PractitionerUserId == me.UserId && a.ReflectionSubmittedAt == null).OrderBy(a => a.AllocatedAt), me.UserId).Take(50).ToListAsync();
        var ready = await Rows(db, mine.Where(a => a.PractitionerUserId == me.UserId && a.ReflectionSubmittedAt != null && a.Status == AuditStatus.Completed
                                                   && a.PractitionerRespondedAt == null).OrderByDescending(a => a.CompletedAt), me.UserId).Take(20).ToListAsync();
        return new MyAuditWork(toAudit, owed, ready);
    }

    /// <summary>
    /// Audits the person may see, paged: their own, their allocations, their teams' (managers), the
    /// organisation's (Quality Leads). Grades of the person's own audits are withheld until they have reflected.
    /// </summary>
    public async Task<(IReadOnlyList<AuditRow> Rows, int Total)> ListAsync(AuditQuery query)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewOwnAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audits = db.CaseAudits.AsNoTracking().VisibleTo(me);
        if (query.CycleId is { } cycle)
            audits = audits.Where(a => a.CycleId == cycle);
        if (query.Status is { } status)
            audits = audits.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            audits = audits.Where(a => a.ExternalRecordId.ToLower().Contains(term) || a.PractitionerName.ToLower().Contains(term) || a.TeamName.ToLower().Contains(term));
        }
        var total = await audits.CountAsync();
        var rows = await Rows(db, audits.OrderByDescending(a => a.AllocatedAt).ThenBy(a => a.ExternalRecordId), me.UserId)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 100)).ToListAsync();
        return (rows, total);
    }

    public async Task<AuditView?> GetAsync(Guid auditId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewOwnAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var a = await db.CaseAudits.AsNoTracking().VisibleTo(me).FirstOrDefaultAsync(x => x.Id == auditId);
        if (a is null)
            return null;
        var cycleName = await db.AuditCycles.Where(c => c.Id == a.CycleId).Select(c => c.Name).FirstAsync();
        var isPractitioner = a.PractitionerUserId == me.UserId;
        var outcome = AuditAccess.SeesOutcome(a, me) && a.IsCompleted;
        IReadOnlyList<LearningPointView>? points = null;
        IReadOnlyList<AnsweredQuestion>? answers = null;
        if (outcome)
        {
            var themeIds = a.LearningPoints.SelectMany(l => l.ThemeIds).Distinct().ToList();
            var themes = await db.AuditThemes.AsNoTracking().Where(t => themeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name);
            points = a.LearningPoints.OrderBy(l => l.Order).Select(l => new LearningPointView(l.Text, l.ThemeIds.Select(id => themes.GetValueOrDefault(id, "")).ToList())).ToList();
            var template = await db.AuditTemplates.AsNoTracking().FirstAsync(t => t.Id == a.TemplateId);
            var byQuestion = a.Answers.ToDictionary(x => x.QuestionId);
            answers = template.ActiveQuestions.Select(q => new AnsweredQuestion(template.Sections.First(s => s.Id == q.SectionId).Title, q.Text,
                byQuestion.GetValueOrDefault(q.Id)?.Value, byQuestion.GetValueOrDefault(q.Id)?.Comment)).ToList();
        }
        var manager = !isPractitioner && me.IsInAnyRole(PortalRole.TeamManager, PortalRole.ServiceManager) && me.TeamIds.Contains(a.TeamId);
        var lead = me.IsInRole(PortalRole.AmhpLead) && a.AuditorId != me.UserId;
        return new AuditView(a.Id, a.Version, cycleName, a.TemplateName, a.TemplateVersion, a.ExternalRecordId, a.PersonRef, a.PractitionerName, a.TeamName,
            a.Service, a.WorkType, a.WorkDate, a.AuditorName, a.Status, a.CompletedAt, isPractitioner, outcome,
            CanReflect: isPractitioner && a.ReflectionSubmittedAt is null,
            CanRespond: isPractitioner && a.OutcomeVisibleToPractitioner && a.PractitionerRespondedAt is null,
            CanRecordConversation: manager && a.IsCompleted,
            // The practitioner's reflection is theirs; others see it once it is submitted.
            a.Reflection, a.ReflectionSubmittedAt,
            outcome ? a.Grade : null, outcome ? a.GradeRationale : null, outcome ? a.Strengths : null, outcome ? a.HigherGradeAdvice : null, points, answers,
            a.ReflectiveConversationOn, a.ReflectiveConversationNotes, a.ReflectiveConversationBy, a.PractitionerResponse, a.PractitionerRespondedAt,
            isPractitioner ? null : a.RiskAlertDetails, isPractitioner ? null : a.RiskAlertRaisedAt, lead && a.HasOpenRiskAlert,
            isPractitioner ? null : a.RiskAlertAcknowledgedByName, isPractitioner ? null : a.RiskAlertAcknowledgedAt,
            isPractitioner ? null : a.RiskAlertAcknowledgementNote);
    }

    public async Task<ServiceResult> SubmitReflectionAsync(Guid auditId, int version, string reflection)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewOwnAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.PractitionerUserId == me.UserId && a.OrganisationId == me.OrganisationId);
        if (audit is null)
            return ServiceResult.Fail("Only the practitioner whose work was audited can write the self-reflection.");
        db.ExpectVersion(audit, version);
        return await db.TrySaveAsync(() => audit.SubmitReflection(me.UserId, reflection, clock.GetUtcNow()));
    }

    public async Task<ServiceResult> RespondAsync(Guid auditId, int version, string response)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewOwnAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.PractitionerUserId == me.UserId && a.OrganisationId == me.OrganisationId);
        if (audit is null)
            return ServiceResult.Fail("Only the practitioner whose work was audited can respond.");
        db.ExpectVersion(audit, version);
        return await db.TrySaveAsync(() => audit.Respond(me.UserId, response, clock.GetUtcNow()));
    }

    /// <summary>The line manager (a Team or Service Manager of the practitioner's team) records the reflective conversation.</summary>
    public async Task<ServiceResult> RecordConversationAsync(Guid auditId, int version, DateOnly on, string notes)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ConductAudits);
        if (!me.IsInAnyRole(PortalRole.TeamManager, PortalRole.ServiceManager))
            throw new UnauthorizedAccessException("The reflective conversation is recorded by the practitioner's line manager.");
        var teams = me.TeamIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.OrganisationId == me.OrganisationId && teams.Contains(a.TeamId));
        if (audit is null)
            return ServiceResult.Fail("That audit is not in one of your teams.");
        db.ExpectVersion(audit, version);
        return await db.TrySaveAsync(() =>
            audit.RecordReflectiveConversation(me.UserId, me.DisplayName, on, notes, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>Rows of audits; the grade of the person's own audit is withheld in the query until they have reflected.</summary>
    private static IQueryable<AuditRow> Rows(PortalDbContext db, IQueryable<CaseAudit> audits, Guid me) =>
        audits.Select(a => new AuditRow(a.Id, db.AuditCycles.Where(c => c.Id == a.CycleId).Select(c => c.Name).First(), a.TemplateName, a.TemplateVersion,
            a.ExternalRecordId, a.PractitionerName, a.TeamName, a.AuditorName, a.Status,
            a.PractitionerUserId == me && a.ReflectionSubmittedAt == null ? null : a.Grade,
            a.ReflectionSubmittedAt != null, a.AllocatedAt, a.CompletedAt,
            a.RiskAlertRaisedAt != null && a.RiskAlertAcknowledgedAt == null, a.AuditorId == me));
}
