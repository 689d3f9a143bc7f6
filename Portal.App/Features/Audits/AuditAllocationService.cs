using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Audits;
using Portal.Core.Notifications;

namespace Portal.App.Features.Audits;

/// <summary>
/// Allocates a cycle's sampled cases to its auditor pool and tells the people who must act: each auditor gets
/// their allocation, and at the same time each practitioner is asked for a self-reflection (seed 004).
/// </summary>
public sealed class AuditAllocationService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record AllocationOutcome(int Allocated, IReadOnlyList<string> Problems);

    public async Task<(ServiceResult Result, AllocationOutcome? Outcome)> AllocateAsync(Guid cycleId, int version)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycle = await db.AuditCycles.FirstOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == me.OrganisationId);
        if (cycle is null)
            return (ServiceResult.Fail("That cycle no longer exists."), null);
        if (cycle.Auditors.Count == 0)
            return (ServiceResult.Fail("Add auditors to the cycle's pool first."), null);
        var cases = await db.AuditCases
            .Where(c => c.CycleId == cycleId && c.AuditId == null && (c.Selection == CaseSelection.Selected || c.Selection == CaseSelection.AddedManually))
            .ToListAsync();
        if (cases.Count == 0)
            return (ServiceResult.Fail(cycle.Status == CycleStatus.Planned ? "Draw the sample first." : "Every case in the sample is already allocated."), null);

        var templateIds = cycle.Templates.Select(t => t.TemplateId).ToList();
        var templates = await db.AuditTemplates.Where(t => templateIds.Contains(t.Id)).ToListAsync();
        var auditorIds = cycle.Auditors.Select(a => a.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => auditorIds.Contains(u.Id) && u.IsEnabled)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Teams = u.Teams.Select(t => t.TeamId).ToList() }).ToListAsync();
        var load = await db.CaseAudits.AsNoTracking().Where(a => auditorIds.Contains(a.AuditorId) && a.Status != AuditStatus.Completed)
            .GroupBy(a => a.AuditorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var auditors = people.Select(p => new AllocationAuditor(p.Id, p.DisplayName, p.Email, cycle.Auditors.First(a => a.UserId == p.Id).Level,
            p.Teams.ToHashSet(), load.GetValueOrDefault(p.Id))).ToList();

        var plan = AuditAllocator.Allocate(
            cases.Select(c => new AllocationCase(c.Id, $"record {c.ExternalRecordId}", c.PractitionerKey, c.PractitionerUserId, c.TeamId)).ToList(),
            auditors, cycle.ExcludeAuditorsOwnTeam);
        var now = clock.GetUtcNow();
        var allocated = 0;
        db.ExpectVersion(cycle, version);
        var result = await db.TrySaveAsync(() =>
        {
            foreach (var a in plan.Where(p => p.AuditorId is not null))
            {
                var auditCase = cases.First(c => c.Id == a.CaseId);
                var auditor = auditors.First(x => x.UserId == a.AuditorId);
                var audit = new CaseAudit(cycle, TemplateFor(auditCase, templates), auditCase, auditor.UserId, auditor.Name, now);
                db.CaseAudits.Add(audit);
                if (audit.PractitionerUserId is { } practitioner)
                    db.Notifications.Add(new Notification(practitioner,
                        $"Your work on record {audit.ExternalRecordId} has been chosen for audit in {cycle.Name}. Please complete your self-reflection on the case.",
                        AuditLinks.View(audit.Id), requiresAcknowledgement: false, now));
                allocated++;
            }
            foreach (var group in plan.Where(p => p.AuditorId is not null).GroupBy(p => p.AuditorId!.Value))
                db.Notifications.Add(new Notification(group.Key,
                    $"You have been allocated {group.Count()} audit{(group.Count() == 1 ? "" : "s")} in {cycle.Name}.",
                    AuditLinks.MyAudits, requiresAcknowledgement: false, now));
            if (allocated > 0)
                cycle.RecordAllocated(now);
            db.Entry(cycle).State = EntityState.Modified;
        });
        return (result, result.Succeeded ? new AllocationOutcome(allocated, plan.Where(p => p.Problem is not null).Select(p => p.Problem!).ToList()) : null);
    }

    /// <summary>Moves an unfinished audit to another auditor in the pool, checking the same rules.</summary>
    public async Task<ServiceResult> ReallocateAsync(Guid auditId, int version, Guid newAuditorId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.CaseAudits.FirstOrDefaultAsync(a => a.Id == auditId && a.OrganisationId == me.OrganisationId);
        if (audit is null)
            return ServiceResult.Fail("That audit no longer exists.");
        var cycle = await db.AuditCycles.AsNoTracking().FirstAsync(c => c.Id == audit.CycleId);
        var member = cycle.Auditors.FirstOrDefault(a => a.UserId == newAuditorId);
        if (member is null)
            return ServiceResult.Fail("Choose someone from the cycle's auditor pool.");
        var person = await db.Users.AsNoTracking().Where(u => u.Id == newAuditorId)
            .Select(u => new { u.DisplayName, u.Email, Teams = u.Teams.Select(t => t.TeamId).ToList() }).FirstAsync();
        var pool = await db.AuditCases.AsNoTracking().FirstAsync(c => c.Id == audit.CaseId);
        var why = AuditAllocator.WhyNot(new AllocationCase(pool.Id, $"record {pool.ExternalRecordId}", pool.PractitionerKey, pool.PractitionerUserId, pool.TeamId),
            new AllocationAuditor(newAuditorId, person.DisplayName, person.Email, member.Level, person.Teams.ToHashSet(), 0), cycle.ExcludeAuditorsOwnTeam);
        if (why is not null)
            return ServiceResult.Fail(why);
        db.ExpectVersion(audit, version);
        return await db.TrySaveAsync(() =>
        {
            audit.Reallocate(newAuditorId, person.DisplayName);
            db.Notifications.Add(new Notification(newAuditorId, $"You have been allocated the audit of record {audit.ExternalRecordId}.",
                AuditLinks.Form(audit.Id), false, clock.GetUtcNow()));
        });
    }

    /// <summary>The tool whose type of work matches the case's; otherwise the cycle's first tool by name.</summary>
    private static AuditTemplate TemplateFor(AuditCase c, IReadOnlyList<AuditTemplate> templates) =>
        templates.FirstOrDefault(t => string.Equals(t.WorkType, c.WorkType, StringComparison.OrdinalIgnoreCase))
        ?? templates.FirstOrDefault(t => string.Equals(t.Name, c.WorkType, StringComparison.OrdinalIgnoreCase))
        ?? templates.OrderBy(t => t.Name, StringComparer.Ordinal).First();
}
