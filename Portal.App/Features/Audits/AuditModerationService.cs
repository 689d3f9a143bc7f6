using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Audits;
using Portal.Core.Notifications;
using Portal.Core.Organisations;

namespace Portal.App.Features.Audits;

/// <summary>
/// Moderation (seed 004): each cycle a random 20% (at least one) of completed audits goes to the moderators
/// (Quality Leads), who record a moderated grade, whether the grading criteria were applied consistently,
/// and whether the feedback was constructive.
/// </summary>
public sealed class AuditModerationService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record ModerationRow(Guid AuditId, int Version, string CycleName, string ExternalRecordId, string TeamName, string AuditorName,
        AuditGrade? AuditorGrade, AuditGrade? ModeratedGrade, DateTimeOffset? ModeratedAt);

    public async Task<(ServiceResult Result, int Selected)> SelectAsync(Guid cycleId, int version, long? seed = null)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ModerateAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycle = await db.AuditCycles.FirstOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == me.OrganisationId);
        if (cycle is null)
            return (ServiceResult.Fail("That cycle no longer exists."), 0);
        var completed = await db.CaseAudits.Where(a => a.CycleId == cycleId && a.Status == AuditStatus.Completed).ToListAsync();
        if (completed.Count == 0)
            return (ServiceResult.Fail("No audits in this cycle are complete yet."), 0);
        var moderators = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == me.OrganisationId && u.IsEnabled && u.Roles.Any(r => r.Role == PortalRole.QualityLead))
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        var chosenSeed = seed ?? BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        var ids = ModerationSampler.Select(completed.Select(a => a.Id).ToList(), chosenSeed);
        var now = clock.GetUtcNow();
        db.ExpectVersion(cycle, version);
        var result = await db.TrySaveAsync(() =>
        {
            cycle.RecordModerationSelected(chosenSeed, now);
            var chosen = ids.Select(id => completed.First(a => a.Id == id)).ToList();
            var assignment = ModerationSampler.AssignModerators(chosen.Select(a => (a.Id, a.AuditorId)).ToList(), moderators.Select(m => m.Id).ToList());
            foreach (var audit in chosen)
                audit.SelectForModeration(assignment[audit.Id], moderators.First(m => m.Id == assignment[audit.Id]).DisplayName, now);
            foreach (var group in assignment.GroupBy(a => a.Value))
                db.Notifications.Add(new Notification(group.Key, $"{group.Count()} audit{(group.Count() == 1 ? "" : "s")} from {cycle.Name} {(group.Count() == 1 ? "is" : "are")} ready for you to moderate.",
                    AuditLinks.Moderation, false, now));
        });
        return (result, result.Succeeded ? ids.Count : 0);
    }

    public async Task<IReadOnlyList<ModerationRow>> MineAsync(bool includeDone = false)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ModerateAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.CaseAudits.AsNoTracking()
            .Where(a => a.OrganisationId == me.OrganisationId && a.ModeratorId == me.UserId && (includeDone || a.ModeratedAt == null))
            .OrderBy(a => a.SelectedForModerationAt)
            .Select(a => new ModerationRow(a.Id, a.Version, db.AuditCycles.Where(c => c.Id == a.CycleId).Select(c => c.Name).First(), a.ExternalRecordId,
                a.TeamName, a.AuditorName, a.Grade, a.ModeratedGrade, a.ModeratedAt))
            .ToListAsync();
    }

    public async Task<ServiceResult> RecordAsync(Guid auditId, int version, AuditGrade grade, bool criteriaAppliedConsistently, bool feedbackConstructive, string? notes)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ModerateAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.OrganisationId == me.OrganisationId && a.ModeratorId == me.UserId);
        if (audit is null)
            return ServiceResult.Fail("This audit is not waiting for your moderation.");
        db.ExpectVersion(audit, version);
        var now = clock.GetUtcNow();
        return await db.TrySaveAsync(() =>
        {
            audit.RecordModeration(me.UserId, grade, criteriaAppliedConsistently, feedbackConstructive, notes, now);
            // Seed 004: "Any identified learning or concerns are shared with the relevant team or auditor."
            db.Notifications.Add(new Notification(audit.AuditorId, $"Your audit of record {audit.ExternalRecordId} has been moderated.", AuditLinks.View(audit.Id), false, now));
        });
    }
}
