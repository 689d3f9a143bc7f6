using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core;
using Portal.Core.Audits;

namespace Portal.App.Features.Audits;

/// <summary>Audit tools (versioned templates) and the managed list of learning-point themes, for Quality Leads and Administrators.</summary>
public sealed class AuditTemplatesService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record TemplateRow(Guid Id, Guid FamilyId, string Name, int TemplateVersion, TemplateStatus Status, bool IsStartingPoint, string? WorkType, int Questions, DateTimeOffset? PublishedAt);

    public sealed record QuestionView(Guid Id, Guid Key, string Text, string? Guidance, bool IsRequired, bool CommentRequiredOnNo, bool IsRetired, int Order);

    public sealed record SectionView(Guid Id, string Title, string? Guidance, int Order, IReadOnlyList<QuestionView> Questions);

    public sealed record TemplateView(Guid Id, int Version, Guid FamilyId, string Name, string? Description, string? WorkType, int TemplateVersion,
        TemplateStatus Status, bool IsStartingPoint, DateTimeOffset? PublishedAt, IReadOnlyList<SectionView> Sections)
    {
        public string DisplayName => $"{Name} (version {TemplateVersion})";
    }

    public sealed record ThemeRow(Guid Id, string Name, bool IsActive, int Version);

    /// <summary>Every version of every tool in the organisation, newest version first within a tool.</summary>
    public async Task<IReadOnlyList<TemplateRow>> ListAsync(bool includeSuperseded = false)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditTemplates);
        var org = me.RequireOrganisation();
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.AuditTemplates.AsNoTracking().Where(t => t.OrganisationId == org);
        if (!includeSuperseded)
            query = query.Where(t => t.Status != TemplateStatus.Superseded);
        return await query.OrderBy(t => t.Name).ThenByDescending(t => t.TemplateVersion)
            .Select(t => new TemplateRow(t.Id, t.FamilyId, t.Name, t.TemplateVersion, t.Status, t.IsStartingPoint, t.WorkType,
                t.Questions.Count(q => !q.IsRetired), t.PublishedAt))
            .ToListAsync();
    }

    public async Task<TemplateView?> GetAsync(Guid id)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditTemplates);
        await using var db = await dbFactory.CreateDbContextAsync();
        var t = await db.AuditTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == me.OrganisationId);
        return t is null ? null : View(t);
    }

    public static TemplateView View(AuditTemplate t) => new(t.Id, t.Version, t.FamilyId, t.Name, t.Description, t.WorkType, t.TemplateVersion, t.Status,
        t.IsStartingPoint, t.PublishedAt,
        t.OrderedSections.Select(s => new SectionView(s.Id, s.Title, s.Guidance, s.Order,
            t.QuestionsIn(s.Id).Select(q => new QuestionView(q.Id, q.Key, q.Text, q.Guidance, q.IsRequired, q.CommentRequiredOnNo, q.IsRetired, q.Order)).ToList())).ToList());

    /// <summary>
    /// Adds the default tools (as published version 1, marked as editable starting points) and default themes
    /// that the organisation does not have yet. Safe to run again.
    /// </summary>
    public async Task<int> AddDefaultsAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditTemplates);
        return await AddDefaultsAsync(dbFactory, me.RequireOrganisation(), me.UserId, clock.GetUtcNow());
    }

    internal static async Task<int> AddDefaultsAsync(IDbContextFactory<PortalDbContext> dbFactory, Guid organisationId, Guid byUserId, DateTimeOffset at)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var names = await db.AuditTemplates.Where(t => t.OrganisationId == organisationId).Select(t => t.Name).Distinct().ToListAsync();
        var added = 0;
        foreach (var d in DefaultAuditTemplates.All.Where(d => !names.Contains(d.Name)))
        {
            var template = d.Build(organisationId);
            template.Publish(byUserId, at);
            db.AuditTemplates.Add(template);
            added++;
        }
        var themes = await db.AuditThemes.Where(t => t.OrganisationId == organisationId).Select(t => t.Name).ToListAsync();
        foreach (var name in AuditTheme.Defaults.Where(n => !themes.Contains(n)))
            db.AuditThemes.Add(new AuditTheme(organisationId, name));
        await db.SaveChangesAsync();
        return added;
    }

    public async Task<(ServiceResult Result, Guid? Id)> CreateAsync(string name, string? description, string? workType)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditTemplates);
        var org = me.RequireOrganisation();
        await using var db = await dbFactory.CreateDbContextAsync();
        AuditTemplate? template = null;
        var result = await db.TrySaveAsync(() => db.AuditTemplates.Add(template = new AuditTemplate(org, name, description, workType, isStartingPoint: false)));
        return (result, template?.Id);
    }

    /// <summary>Starts the next version of a published tool as a draft (or returns the draft already started).</summary>
    public async Task<(ServiceResult Result, Guid? DraftId)> StartNewVersionAsync(Guid publishedId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditTemplates);
        await using var db = await dbFactory.CreateDbContextAsync();
        var current = await db.AuditTemplates.FirstOrDefaultAsync(t => t.Id == publishedId && t.OrganisationId == me.OrganisationId);
        if (current is null)
            return (ServiceResult.Fail("That audit tool no longer exists."), null);
        var existingDraft = await db.AuditTemplates.Where(t => t.FamilyId == current.FamilyId && t.Status == TemplateStatus.Draft).Select(t => (Guid?)t.Id).FirstOrDefaultAsync();
        if (existingDraft is not null)
            return (ServiceResult.Ok, existingDraft);
        var latest = await db.AuditTemplates.Where(t => t.FamilyId == current.FamilyId).MaxAsync(t => t.TemplateVersion);
        if (latest != current.TemplateVersion)
            return (ServiceResult.Fail("Start the new version from the latest version of this tool."), null);
        AuditTemplate? draft = null;
        var result = await db.TrySaveAsync(() => db.AuditTemplates.Add(draft = current.CreateNextDraft()));
        return (result, draft?.Id);
    }

    /// <summary>Applies one edit to a draft, checking it is still the version the person loaded.</summary>
    public async Task<(ServiceResult Result, int Version)> EditAsync(Guid draftId, int version, Action<AuditTemplate> edit)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditTemplates);
        await using var db = await dbFactory.CreateDbContextAsync();
        var template = await db.AuditTemplates.FirstOrDefaultAsync(t => t.Id == draftId && t.OrganisationId == me.OrganisationId);
        if (template is null)
            return (ServiceResult.Fail("That audit tool no longer exists."), version);
        db.ExpectVersion(template, version);
        var result = await db.TrySaveAsync(() =>
        {
            edit(template);
            // Touch the aggregate so its version moves even when only a section or question changed.
            db.Entry(template).State = EntityState.Modified;
        });
        return (result, template.Version);
    }

    /// <summary>Publishes a draft; the version it replaces becomes "superseded" but stays for the audits done on it.</summary>
    public async Task<ServiceResult> PublishAsync(Guid draftId, int version)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditTemplates);
        await using var db = await dbFactory.CreateDbContextAsync();
        var draft = await db.AuditTemplates.FirstOrDefaultAsync(t => t.Id == draftId && t.OrganisationId == me.OrganisationId);
        if (draft is null)
            return ServiceResult.Fail("That audit tool no longer exists.");
        var previous = await db.AuditTemplates.Where(t => t.FamilyId == draft.FamilyId && t.Status == TemplateStatus.Published).ToListAsync();
        db.ExpectVersion(draft, version);
        return await db.TrySaveAsync(() =>
        {
            draft.Publish(me.UserId, clock.GetUtcNow());
            foreach (var p in previous)
                p.Supersede();
        });
    }

    public async Task<IReadOnlyList<ThemeRow>> ThemesAsync(bool includeRetired = true)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewOwnAudits);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuditThemes.AsNoTracking()
            .Where(t => t.OrganisationId == me.OrganisationId && (includeRetired || t.IsActive))
            .OrderBy(t => t.Name).Select(t => new ThemeRow(t.Id, t.Name, t.IsActive, t.Version)).ToListAsync();
    }

    public async Task<ServiceResult> AddThemeAsync(string name)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditTemplates);
        var org = me.RequireOrganisation();
        await using var db = await dbFactory.CreateDbContextAsync();
        var result = await db.TrySaveAsync(() => db.AuditThemes.Add(new AuditTheme(org, name)));
        return result.Error?.StartsWith("A record with that name", StringComparison.Ordinal) == true ? ServiceResult.Fail("That theme already exists.") : result;
    }

    public async Task<ServiceResult> ChangeThemeAsync(Guid themeId, int version, string? rename, bool? active)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditTemplates);
        await using var db = await dbFactory.CreateDbContextAsync();
        var theme = await db.AuditThemes.FirstOrDefaultAsync(t => t.Id == themeId && t.OrganisationId == me.OrganisationId);
        if (theme is null)
            return ServiceResult.Fail("That theme no longer exists.");
        db.ExpectVersion(theme, version);
        return await db.TrySaveAsync(() =>
        {
            if (rename is not null) theme.Rename(rename);
            if (active == false) theme.Retire();
            if (active == true) theme.Restore();
        });
    }
}
