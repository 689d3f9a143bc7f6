using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Audits;
using Portal.Core.Notifications;
using Portal.Core.Organisations;

namespace Portal.App.Features.Audits;

/// <summary>
/// The auditor's side of an audit: the form (saved often as a draft so nothing typed is lost), completion
/// with a grade, and escalation — practice concern contacts and the immediate risk alert.
/// </summary>
public sealed class AuditFormService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record AnswerView(Guid QuestionId, AnswerValue? Value, string? Comment);

    public sealed record ContactView(string ContactName, ConcernContactRole Role, DateTimeOffset ContactedAt, string Outcome);

    public sealed record FormView(
        Guid Id, int Version, string CycleName, AuditTemplatesService.TemplateView Template, string ExternalRecordId, string PersonRef,
        string PractitionerName, string TeamName, string Service, string WorkType, DateOnly WorkDate, string AuditorName, AuditStatus Status,
        DateTimeOffset? DraftSavedAt, IReadOnlyList<AnswerView> Answers, AuditGrade? Grade, string? GradeRationale, string? Strengths,
        string? HigherGradeAdvice, IReadOnlyList<LearningPointInput> LearningPoints, IReadOnlyList<ContactView> Contacts,
        string? RiskAlertDetails, DateTimeOffset? RiskAlertRaisedAt, string? RiskAlertAcknowledgedByName, DateTimeOffset? RiskAlertAcknowledgedAt,
        bool CanEdit);

    public sealed record SaveOutcome(ServiceResult Result, int Version, DateTimeOffset? SavedAt);

    public sealed record AlertRow(Guid AuditId, string ExternalRecordId, string TeamName, string AuditorName, string Details, DateTimeOffset RaisedAt);

    /// <summary>The form for the allocated auditor (editable) or anyone else allowed to see the audit (read-only).</summary>
    public async Task<FormView?> GetAsync(Guid auditId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewOwnAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.AsNoTracking().VisibleTo(me).FirstOrDefaultAsync(a => a.Id == auditId);
        // The practitioner uses the reflection page; this form would show the grade before their reflection.
        if (audit is null || !AuditAccess.SeesOutcome(audit, me))
            return null;
        var template = await db.AuditTemplates.AsNoTracking().FirstAsync(t => t.Id == audit.TemplateId);
        var cycleName = await db.AuditCycles.Where(c => c.Id == audit.CycleId).Select(c => c.Name).FirstAsync();
        return new FormView(audit.Id, audit.Version, cycleName, AuditTemplatesService.View(template), audit.ExternalRecordId, audit.PersonRef,
            audit.PractitionerName, audit.TeamName, audit.Service, audit.WorkType, audit.WorkDate, audit.AuditorName, audit.Status, audit.DraftSavedAt,
            audit.Answers.Select(a => new AnswerView(a.QuestionId, a.Value, a.Comment)).ToList(), audit.Grade, audit.GradeRationale, audit.Strengths,
            audit.HigherGradeAdvice, audit.LearningPoints.OrderBy(l => l.Order).Select(l => new LearningPointInput(l.Text, l.ThemeIds)).ToList(),
            audit.ConcernContacts.OrderBy(c => c.ContactedAt).Select(c => new ContactView(c.ContactName, c.Role, c.ContactedAt, c.Outcome)).ToList(),
            audit.RiskAlertDetails, audit.RiskAlertRaisedAt, audit.RiskAlertAcknowledgedByName, audit.RiskAlertAcknowledgedAt,
            audit.AuditorId == me.UserId && !audit.IsCompleted);
    }

    /// <summary>Saves the draft. Called every few seconds by the form's autosave; returns the new version to send next time.</summary>
    public async Task<SaveOutcome> SaveDraftAsync(Guid auditId, int version, AuditDraft draft)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ConductAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.AuditorId == me.UserId && a.OrganisationId == me.OrganisationId);
        if (audit is null)
            return new SaveOutcome(ServiceResult.Fail("This audit is not allocated to you."), version, null);
        var template = await db.AuditTemplates.AsNoTracking().FirstAsync(t => t.Id == audit.TemplateId);
        var themeCheck = await CheckThemesAsync(db, me, draft);
        if (themeCheck is not null)
            return new SaveOutcome(ServiceResult.Fail(themeCheck), version, null);
        db.ExpectVersion(audit, version);
        var now = clock.GetUtcNow();
        var result = await db.TrySaveAsync(() => audit.SaveDraft(template, draft, me.UserId, now));
        return new SaveOutcome(result, audit.Version, result.Succeeded ? now : null);
    }

    /// <summary>Saves and completes in one step. Tells the practitioner, their team manager, and (for Requires improvement) the Quality Leads.</summary>
    public async Task<SaveOutcome> CompleteAsync(Guid auditId, int version, AuditDraft draft)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ConductAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.AuditorId == me.UserId && a.OrganisationId == me.OrganisationId);
        if (audit is null)
            return new SaveOutcome(ServiceResult.Fail("This audit is not allocated to you."), version, null);
        var template = await db.AuditTemplates.AsNoTracking().FirstAsync(t => t.Id == audit.TemplateId);
        var themeCheck = await CheckThemesAsync(db, me, draft);
        if (themeCheck is not null)
            return new SaveOutcome(ServiceResult.Fail(themeCheck), version, null);
        var managers = await PeopleWithRoleAsync(db, audit.OrganisationId, PortalRole.TeamManager, audit.TeamId);
        var qualityLeads = draft.Grade == AuditGrade.RequiresImprovement ? await PeopleWithRoleAsync(db, audit.OrganisationId, PortalRole.QualityLead, null) : [];
        db.ExpectVersion(audit, version);
        var now = clock.GetUtcNow();
        var result = await db.TrySaveAsync(() =>
        {
            audit.SaveDraft(template, draft, me.UserId, now);
            audit.Complete(template, me.UserId, now);
            if (audit.PractitionerUserId is { } practitioner)
                db.Notifications.Add(new Notification(practitioner, audit.ReflectionSubmittedAt is null
                        ? $"The audit of record {audit.ExternalRecordId} is complete. Write your self-reflection to see the feedback."
                        : $"The audit of record {audit.ExternalRecordId} is complete: your feedback is ready.",
                    AuditLinks.View(audit.Id), false, now));
            foreach (var manager in managers.Where(m => m != audit.PractitionerUserId))
                db.Notifications.Add(new Notification(manager,
                    $"Audit of {audit.PractitionerName}'s work (record {audit.ExternalRecordId}) is complete: please hold the reflective conversation.",
                    AuditLinks.View(audit.Id), false, now));
            foreach (var lead in qualityLeads)
                db.Notifications.Add(new Notification(lead, $"Record {audit.ExternalRecordId} was graded Requires improvement and is on the review list.",
                    AuditLinks.ReviewList, false, now));
        });
        return new SaveOutcome(result, audit.Version, result.Succeeded ? now : null);
    }

    public async Task<ServiceResult> RecordConcernContactAsync(Guid auditId, int version, string contactName, ConcernContactRole role, DateTimeOffset contactedAt, string outcome)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ConductAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.AuditorId == me.UserId && a.OrganisationId == me.OrganisationId);
        if (audit is null)
            return ServiceResult.Fail("This audit is not allocated to you.");
        db.ExpectVersion(audit, version);
        return await db.TrySaveAsync(() =>
        {
            audit.RecordConcernContact(me.UserId, contactName, role, contactedAt, outcome, clock.GetUtcNow());
            db.Entry(audit).State = EntityState.Modified;
        });
    }

    /// <summary>
    /// Seed 000 §4.5: "If during the audit process you believe an individual has been left at risk or that
    /// action/inaction may have led to a legal/statutory failing please advise the relevant team, AMHP Lead
    /// and/or EDT manager immediately." Every AMHP Lead / EDT Manager in the organisation gets an alert that
    /// stays on their dashboard until acknowledged; the team manager is told too.
    /// </summary>
    public async Task<ServiceResult> RaiseRiskAlertAsync(Guid auditId, int version, string details)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ConductAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.AuditorId == me.UserId && a.OrganisationId == me.OrganisationId);
        if (audit is null)
            return ServiceResult.Fail("This audit is not allocated to you.");
        var leads = await PeopleWithRoleAsync(db, audit.OrganisationId, PortalRole.AmhpLead, null);
        if (leads.Count == 0)
            return ServiceResult.Fail("Nobody in your organisation has the AMHP Lead / EDT Manager role to receive the alert. Telephone them now and ask an administrator to assign the role.");
        var managers = await PeopleWithRoleAsync(db, audit.OrganisationId, PortalRole.TeamManager, audit.TeamId);
        db.ExpectVersion(audit, version);
        var now = clock.GetUtcNow();
        return await db.TrySaveAsync(() =>
        {
            audit.RaiseRiskAlert(me.UserId, details, now);
            foreach (var lead in leads)
                db.Notifications.Add(new Notification(lead,
                    $"Urgent audit alert: a person may have been left at risk, or there may be a legal or statutory failing (record {audit.ExternalRecordId}, {audit.TeamName}).",
                    AuditLinks.View(audit.Id), requiresAcknowledgement: true, now));
            foreach (var manager in managers)
                db.Notifications.Add(new Notification(manager, $"An urgent audit alert was raised on record {audit.ExternalRecordId} in your team.",
                    AuditLinks.View(audit.Id), false, now));
        });
    }

    /// <summary>Alerts not yet acknowledged, for the AMHP Lead / EDT Manager's dashboard.</summary>
    public async Task<IReadOnlyList<AlertRow>> OpenAlertsAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.AcknowledgeAuditAlerts);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.CaseAudits.AsNoTracking()
            .Where(a => a.OrganisationId == me.OrganisationId && a.RiskAlertRaisedAt != null && a.RiskAlertAcknowledgedAt == null)
            .OrderBy(a => a.RiskAlertRaisedAt)
            .Select(a => new AlertRow(a.Id, a.ExternalRecordId, a.TeamName, a.AuditorName, a.RiskAlertDetails!, a.RiskAlertRaisedAt!.Value))
            .ToListAsync();
    }

    /// <summary>Records the acknowledgement on the audit and clears the alert from every recipient's dashboard.</summary>
    public async Task<ServiceResult> AcknowledgeAlertAsync(Guid auditId, int version, string? note)
    {
        var me = await currentUser.AuthorizeAsync(Policies.AcknowledgeAuditAlerts);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.OrganisationId == me.OrganisationId);
        if (audit is null)
            return ServiceResult.Fail("That audit no longer exists.");
        var link = AuditLinks.View(audit.Id);
        var notifications = await db.Notifications.Where(n => n.Link == link && n.RequiresAcknowledgement && n.AcknowledgedAt == null).ToListAsync();
        db.ExpectVersion(audit, version);
        var now = clock.GetUtcNow();
        return await db.TrySaveAsync(() =>
        {
            audit.AcknowledgeRiskAlert(me.UserId, me.DisplayName, note, now);
            // Only the acknowledging person's own item is acknowledged as theirs; the others are closed by the same act.
            foreach (var n in notifications)
                n.Acknowledge(n.RecipientId, now);
        });
    }

    private static async Task<string?> CheckThemesAsync(PortalDbContext db, UserContext me, AuditDraft draft)
    {
        var ids = draft.LearningPoints.SelectMany(p => p.ThemeIds).Distinct().ToList();
        if (ids.Count == 0)
            return null;
        var known = await db.AuditThemes.CountAsync(t => ids.Contains(t.Id) && t.OrganisationId == me.OrganisationId);
        return known == ids.Count ? null : "One of the themes chosen is not in your organisation's list.";
    }

    internal static async Task<List<Guid>> PeopleWithRoleAsync(PortalDbContext db, Guid organisationId, PortalRole role, Guid? teamId) =>
        await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.IsEnabled && u.Roles.Any(r => r.Role == role)
                        && (teamId == null || u.Teams.Any(t => t.TeamId == teamId)))
            .Select(u => u.Id).ToListAsync();
}
