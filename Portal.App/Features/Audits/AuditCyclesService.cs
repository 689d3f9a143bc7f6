using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Audits;
using Portal.Core.Organisations;

namespace Portal.App.Features.Audits;

/// <summary>Audit cycles and the annual plan: set-up by Quality Leads, Business Support and Administrators.</summary>
public sealed class AuditCyclesService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record CycleRow(Guid Id, string Name, AuditCycleKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, int? SampleSize, string? LeadCouncil,
        CycleStatus Status, int PoolCases, int InSample, int Audits, int Completed);

    public sealed record AuditorView(Guid UserId, string Name, string? JobTitle, PracticeLevel Level, int OpenAudits);

    public sealed record CycleDetail(Guid Id, int Version, string Name, AuditCycleKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, int? SampleSize,
        string? LeadCouncil, CycleStatus Status, int ExclusionMonths, bool AvoidSameWorker, bool ExcludeAuditorsOwnTeam, long? SampleSeed,
        DateTimeOffset? SampleDrawnAt, DateTimeOffset? ModerationSelectedAt, IReadOnlyList<(Guid Id, string Name)> Templates, IReadOnlyList<AuditorView> Auditors);

    public sealed record CycleInput(string Name, AuditCycleKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, int? SampleSize, string? LeadCouncil);

    public sealed record PersonOption(Guid Id, string Name, string? JobTitle, string Roles);

    public async Task<(IReadOnlyList<CycleRow> Rows, int Total)> ListAsync(int skip = 0, int take = 50, bool includeClosed = true)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycles = db.AuditCycles.AsNoTracking().Where(c => c.OrganisationId == me.OrganisationId);
        if (!includeClosed)
            cycles = cycles.Where(c => c.Status != CycleStatus.Closed);
        var total = await cycles.CountAsync();
        var rows = await cycles.OrderByDescending(c => c.PeriodStart).ThenBy(c => c.Name).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(c => new CycleRow(c.Id, c.Name, c.Kind, c.PeriodStart, c.PeriodEnd, c.SampleSize, c.LeadCouncil, c.Status,
                db.AuditCases.Count(x => x.CycleId == c.Id),
                db.AuditCases.Count(x => x.CycleId == c.Id && (x.Selection == CaseSelection.Selected || x.Selection == CaseSelection.AddedManually)),
                db.CaseAudits.Count(a => a.CycleId == c.Id),
                db.CaseAudits.Count(a => a.CycleId == c.Id && a.Status == AuditStatus.Completed)))
            .ToListAsync();
        return (rows, total);
    }

    public async Task<CycleDetail?> GetAsync(Guid id)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var c = await db.AuditCycles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == me.OrganisationId);
        if (c is null)
            return null;
        var templateIds = c.Templates.Select(t => t.TemplateId).ToList();
        var templates = await db.AuditTemplates.AsNoTracking().Where(t => templateIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.TemplateVersion }).ToListAsync();
        var auditorIds = c.Auditors.Select(a => a.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => auditorIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.JobTitle }).ToListAsync();
        var open = await db.CaseAudits.AsNoTracking().Where(a => auditorIds.Contains(a.AuditorId) && a.Status != AuditStatus.Completed)
            .GroupBy(a => a.AuditorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return new CycleDetail(c.Id, c.Version, c.Name, c.Kind, c.PeriodStart, c.PeriodEnd, c.SampleSize, c.LeadCouncil, c.Status, c.ExclusionMonths,
            c.AvoidSameWorker, c.ExcludeAuditorsOwnTeam, c.SampleSeed, c.SampleDrawnAt, c.ModerationSelectedAt,
            templates.OrderBy(t => t.Name).Select(t => (t.Id, $"{t.Name} (version {t.TemplateVersion})")).ToList(),
            c.Auditors.Select(a =>
            {
                var p = people.FirstOrDefault(x => x.Id == a.UserId);
                return new AuditorView(a.UserId, p?.DisplayName ?? "Unknown", p?.JobTitle, a.Level, open.GetValueOrDefault(a.UserId));
            }).OrderBy(a => a.Name).ToList());
    }

    public async Task<(ServiceResult Result, Guid? Id)> CreateAsync(CycleInput input, IReadOnlyCollection<Guid> templateIds)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        var org = me.RequireOrganisation();
        await using var db = await dbFactory.CreateDbContextAsync();
        var templates = await db.AuditTemplates.Where(t => templateIds.Contains(t.Id) && t.OrganisationId == org).ToListAsync();
        AuditCycle? cycle = null;
        var result = await db.TrySaveAsync(() =>
        {
            cycle = new AuditCycle(org, input.Name, input.Kind, input.PeriodStart, input.PeriodEnd, input.SampleSize, input.LeadCouncil);
            foreach (var t in templates)
                cycle.AddTemplate(t);
            db.AuditCycles.Add(cycle);
        });
        return (result, result.Succeeded ? cycle!.Id : null);
    }

    public async Task<ServiceResult> UpdateAsync(Guid id, int version, CycleInput input, int exclusionMonths, bool avoidSameWorker, bool excludeOwnTeam)
    {
        return await ChangeAsync(id, version, c =>
        {
            c.UpdateDetails(input.Name, input.Kind, input.PeriodStart, input.PeriodEnd, input.SampleSize, input.LeadCouncil);
            c.SetSamplingRules(exclusionMonths, avoidSameWorker, excludeOwnTeam);
        });
    }

    public async Task<ServiceResult> AddTemplateAsync(Guid id, int version, Guid templateId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var template = await db.AuditTemplates.FirstOrDefaultAsync(t => t.Id == templateId && t.OrganisationId == me.OrganisationId);
        if (template is null)
            return ServiceResult.Fail("Choose an audit tool.");
        return await ChangeAsync(id, version, c => c.AddTemplate(template));
    }

    public Task<ServiceResult> RemoveTemplateAsync(Guid id, int version, Guid templateId) => ChangeAsync(id, version, c => c.RemoveTemplate(templateId));

    public async Task<ServiceResult> AddAuditorAsync(Guid id, int version, Guid userId, PracticeLevel level)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.OrganisationId == me.OrganisationId && u.IsEnabled)
            .Select(u => new { u.DisplayName }).FirstOrDefaultAsync();
        if (user is null)
            return ServiceResult.Fail("Choose someone in your organisation.");
        return await ChangeAsync(id, version, c => c.AddAuditor(userId, user.DisplayName, level));
    }

    public Task<ServiceResult> RemoveAuditorAsync(Guid id, int version, Guid userId) => ChangeAsync(id, version, c => c.RemoveAuditor(userId));

    public Task<ServiceResult> CloseAsync(Guid id, int version) => ChangeAsync(id, version, c => c.Close(clock.GetUtcNow()));

    /// <summary>People in the organisation who hold a role that can audit, for the auditor pool picker.</summary>
    public async Task<IReadOnlyList<PersonOption>> AuditorCandidatesAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        PortalRole[] roles = [PortalRole.Auditor, PortalRole.TeamManager, PortalRole.ServiceManager, PortalRole.QualityLead, PortalRole.AmhpLead];
        var people = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == me.OrganisationId && u.IsEnabled && u.Roles.Any(r => roles.Contains(r.Role)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.JobTitle, Roles = u.Roles.Select(r => r.Role).ToList() })
            .ToListAsync();
        return people.Select(p => new PersonOption(p.Id, p.DisplayName, p.JobTitle, string.Join(", ", p.Roles.Order().Select(r => r.Describe())))).ToList();
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> PublishedTemplateOptionsAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.AuditTemplates.AsNoTracking().Where(t => t.OrganisationId == me.OrganisationId && t.Status == TemplateStatus.Published)
                .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.TemplateVersion }).ToListAsync())
            .Select(t => (t.Id, $"{t.Name} (version {t.TemplateVersion})")).ToList();
    }

    /// <summary>The year's cycles the framework calls for, as a preview (nothing is saved).</summary>
    public async Task<IReadOnlyList<PlannedCycle>> PreviewPlanAsync(PlanModel model, DateOnly yearStart, string? firstLeadCouncil)
    {
        await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        return AnnualPlan.Generate(model, yearStart, firstLeadCouncil);
    }

    /// <summary>
    /// Creates the planned cycles, each with the published version of its tool(s). Cycles that already exist
    /// (same name) are skipped, so running the plan twice does not duplicate it.
    /// </summary>
    public async Task<(ServiceResult Result, int Created)> CreatePlanAsync(PlanModel model, DateOnly yearStart, string? firstLeadCouncil)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        var org = me.RequireOrganisation();
        var plan = AnnualPlan.Generate(model, yearStart, firstLeadCouncil);
        await using var db = await dbFactory.CreateDbContextAsync();
        var names = plan.SelectMany(p => p.TemplateNames).Distinct().ToList();
        var templates = await db.AuditTemplates.Where(t => t.OrganisationId == org && t.Status == TemplateStatus.Published && names.Contains(t.Name)).ToListAsync();
        var missing = names.Where(n => templates.All(t => t.Name != n)).ToList();
        if (missing.Count > 0)
            return (ServiceResult.Fail($"Publish these audit tools first (or add the default tools): {string.Join(", ", missing)}."), 0);
        var cycleNames = plan.Select(p => p.Name).ToList();
        var existing = await db.AuditCycles.Where(c => c.OrganisationId == org && cycleNames.Contains(c.Name)).Select(c => c.Name).ToListAsync();
        var created = 0;
        var result = await db.TrySaveAsync(() =>
        {
            foreach (var p in plan.Where(p => !existing.Contains(p.Name)))
            {
                var cycle = new AuditCycle(org, p.Name, p.Kind, p.Start, p.End, p.SampleSize, p.LeadCouncil);
                foreach (var name in p.TemplateNames)
                    cycle.AddTemplate(templates.First(t => t.Name == name));
                db.AuditCycles.Add(cycle);
                created++;
            }
        });
        return (result, result.Succeeded ? created : 0);
    }

    /// <summary>
    /// Who is behind the minimum of 2 audits a year (seed 000 §4.7.1). Team and Service Managers see the
    /// practitioners in their teams; Quality Leads see the whole organisation.
    /// </summary>
    public async Task<IReadOnlyList<TrackerRow>> TrackerAsync(DateOnly yearStart)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewAuditReports);
        var org = me.RequireOrganisation();
        var whole = me.IsInAnyRole(PortalRole.QualityLead, PortalRole.BusinessSupport);
        var teams = me.TeamIds.ToList();
        var from = new DateTimeOffset(yearStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddYears(1);
        await using var db = await dbFactory.CreateDbContextAsync();
        var practitioners = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == org && u.IsEnabled && u.Roles.Any(r => r.Role == PortalRole.Practitioner)
                        && (whole || u.Teams.Any(t => teams.Contains(t.TeamId))))
            .Select(u => new { u.Id, u.DisplayName, u.Email, Team = db.Teams.Where(t => u.Teams.Select(m => m.TeamId).Contains(t.Id)).Select(t => t.Name).FirstOrDefault() })
            .ToListAsync();
        var audits = await db.CaseAudits.AsNoTracking()
            .Where(a => a.OrganisationId == org && (whole || teams.Contains(a.TeamId)))
            .Select(a => new { a.PractitionerUserId, a.PractitionerName, a.TeamName, a.Status, a.CompletedAt, a.AllocatedAt })
            .ToListAsync();
        var inYear = audits.Where(a => a.AllocatedAt >= from && a.AllocatedAt < to || a.CompletedAt >= from && a.CompletedAt < to).ToList();
        var rows = practitioners.Select(p => new PractitionerAudits(p.Email, p.DisplayName, p.Team ?? "",
            inYear.Count(a => a.PractitionerUserId == p.Id && a.Status == AuditStatus.Completed && a.CompletedAt >= from && a.CompletedAt < to),
            inYear.Count(a => a.PractitionerUserId == p.Id && a.Status != AuditStatus.Completed))).ToList();
        // Workers in the case lists who do not sign in to the portal still count.
        rows.AddRange(inYear.Where(a => a.PractitionerUserId is null).GroupBy(a => (a.PractitionerName, a.TeamName))
            .Select(g => new PractitionerAudits(g.Key.PractitionerName.ToLowerInvariant(), g.Key.PractitionerName, g.Key.TeamName,
                g.Count(a => a.Status == AuditStatus.Completed && a.CompletedAt >= from && a.CompletedAt < to), g.Count(a => a.Status != AuditStatus.Completed))));
        return PractitionerAuditTracker.Evaluate(rows, yearStart, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    private async Task<ServiceResult> ChangeAsync(Guid id, int version, Action<AuditCycle> change)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycle = await db.AuditCycles.FirstOrDefaultAsync(c => c.Id == id && c.OrganisationId == me.OrganisationId);
        if (cycle is null)
            return ServiceResult.Fail("That cycle no longer exists.");
        db.ExpectVersion(cycle, version);
        return await db.TrySaveAsync(() =>
        {
            change(cycle);
            db.Entry(cycle).State = EntityState.Modified;
        });
    }
}
