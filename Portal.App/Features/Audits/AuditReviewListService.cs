using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Audits;
using Portal.Core.Notifications;
using Portal.Core.Organisations;

namespace Portal.App.Features.Audits;

/// <summary>
/// The Practice Quality review list (seed 004): every audit graded Requires improvement, with a corrective
/// action (owner, due date) tracked until closed. Quality Leads see the organisation; managers their teams.
/// </summary>
public sealed class AuditReviewListService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record ReviewRow(Guid AuditId, int Version, string CycleName, string ExternalRecordId, string PractitionerName, string TeamName, string AuditorName,
        DateTimeOffset? CompletedAt, string? CorrectiveAction, string? Owner, DateOnly? Due, DateTimeOffset? ClosedAt, string? ClosureNote, string Status);

    public async Task<IReadOnlyList<ReviewRow>> ListAsync(bool includeClosed = false)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewAuditReports);
        await using var db = await dbFactory.CreateDbContextAsync();
        var today = Today;
        var rows = await db.CaseAudits.AsNoTracking().VisibleTo(me)
            .Where(a => a.Status == AuditStatus.Completed && a.Grade == AuditGrade.RequiresImprovement && (includeClosed || a.CorrectiveActionClosedAt == null))
            .OrderBy(a => a.CorrectiveActionDue == null ? 0 : 1).ThenBy(a => a.CorrectiveActionDue).ThenBy(a => a.CompletedAt)
            .Select(a => new { Audit = a, CycleName = db.AuditCycles.Where(c => c.Id == a.CycleId).Select(c => c.Name).First() })
            .ToListAsync();
        return rows.Select(r => new ReviewRow(r.Audit.Id, r.Audit.Version, r.CycleName, r.Audit.ExternalRecordId, r.Audit.PractitionerName, r.Audit.TeamName,
            r.Audit.AuditorName, r.Audit.CompletedAt, r.Audit.CorrectiveAction, r.Audit.CorrectiveActionOwner, r.Audit.CorrectiveActionDue,
            r.Audit.CorrectiveActionClosedAt, r.Audit.CorrectiveActionClosureNote, r.Audit.CorrectiveActionStatus(today))).ToList();
    }

    public async Task<ServiceResult> SetActionAsync(Guid auditId, int version, string action, Guid ownerUserId, DateOnly due)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ModerateAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.OrganisationId == me.OrganisationId);
        if (audit is null)
            return ServiceResult.Fail("That audit no longer exists.");
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerUserId && u.OrganisationId == me.OrganisationId).Select(u => u.DisplayName).FirstOrDefaultAsync();
        if (owner is null)
            return ServiceResult.Fail("Choose an owner in your organisation.");
        db.ExpectVersion(audit, version);
        return await db.TrySaveAsync(() =>
        {
            audit.SetCorrectiveAction(action, owner, due, Today);
            db.Notifications.Add(new Notification(ownerUserId, $"You own the corrective action for record {audit.ExternalRecordId}, due {due:d MMM yyyy}.",
                AuditLinks.ReviewList, false, clock.GetUtcNow()));
        });
    }

    /// <summary>Closed by a Quality Lead, or by a manager of the practitioner's team.</summary>
    public async Task<ServiceResult> CloseActionAsync(Guid auditId, int version, string note)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewAuditReports);
        if (!me.IsInAnyRole(PortalRole.QualityLead, PortalRole.TeamManager, PortalRole.ServiceManager))
            throw new UnauthorizedAccessException("Your role does not allow this.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.VisibleTo(me).FirstOrDefaultAsync(a => a.Id == auditId);
        if (audit is null)
            return ServiceResult.Fail("That audit is not on your review list.");
        db.ExpectVersion(audit, version);
        return await db.TrySaveAsync(() => audit.CloseCorrectiveAction(note, clock.GetUtcNow()));
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
