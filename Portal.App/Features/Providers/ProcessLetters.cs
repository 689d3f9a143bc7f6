using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core;
using Portal.Core.Letters;
using Portal.Core.Providers;

namespace Portal.App.Features.Providers;

/// <summary>
/// The letters of a process (Appendix Six, Appendix Seven, self-funder): a draft with every field the
/// organisation's template uses, filled from the record where the record knows it; then the .docx made from
/// what the person confirmed, kept against the process with who made it and when.
/// </summary>
public sealed class ProcessLetters(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record DraftField(string Name, string Label, string Source, string? Value, bool Required);

    /// <param name="NotAllowed">Why this letter cannot be made at this stage, or null.</param>
    public sealed record LetterDraft(LetterKind Kind, string Title, string? NotAllowed, IReadOnlyList<DraftField> Fields);

    public sealed record LetterRow(Guid Id, LetterKind Kind, string FileName, string GeneratedBy, DateTimeOffset GeneratedAt, int SizeBytes);

    public sealed record LetterFile(string FileName, byte[] Content);

    public async Task<LetterDraft?> DraftAsync(Guid processId, LetterKind kind)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var process = await LoadAsync(db, processId, me.OrganisationId);
        if (process is null)
            return null;
        var template = await TemplateAsync(db, me.OrganisationId!.Value, kind);
        var values = await RecordValuesAsync(db, process, me);
        string? notAllowed = null;
        try { kind.RequireAllowed(process); }
        catch (DomainRuleException ex) { notAllowed = ex.Message; }
        var required = template.RequiredFields.ToHashSet();
        var fields = template.Fields.Select(LetterFields.Get)
            .Select(f => new DraftField(f.Name, f.Label, f.Source, values.GetValueOrDefault(f.Name), required.Contains(f.Name)))
            .ToList();
        return new LetterDraft(kind, template.Title, notAllowed, fields);
    }

    public async Task<(ServiceResult Result, Guid? Id)> GenerateAsync(Guid processId, LetterKind kind, IReadOnlyDictionary<string, string> values)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        var tooLong = values.FirstOrDefault(v => (v.Value?.Length ?? 0) > LetterFields.ValueMaxLength);
        if (tooLong.Key is not null)
            return (ServiceResult.Fail($"{(LetterFields.IsKnown(tooLong.Key) ? LetterFields.Get(tooLong.Key).Label : tooLong.Key)} must be {LetterFields.ValueMaxLength:N0} characters or fewer."), null);
        await using var db = await dbFactory.CreateDbContextAsync();
        var process = await LoadAsync(db, processId, me.OrganisationId);
        if (process is null)
            return (ServiceResult.Fail("That process is not in your organisation."), null);
        var providerName = await db.Providers.AsNoTracking().Where(p => p.Id == process.ProviderId).Select(p => p.Name).SingleAsync();
        var template = await TemplateAsync(db, me.OrganisationId!.Value, kind);
        var today = WorkingCalendar.UkToday(clock);
        GeneratedLetter? letter = null;
        var result = await db.TrySaveAsync(() =>
        {
            kind.RequireAllowed(process);
            var document = template.Fill(values);
            var content = DocxLetterWriter.Write(document, me.DisplayName);
            letter = new GeneratedLetter(process, kind, GeneratedLetter.FileNameFor(kind, providerName, today), content, me.UserId, me.DisplayName, clock.GetUtcNow());
            db.GeneratedLetters.Add(letter);
        });
        return (result, result.Succeeded ? letter!.Id : null);
    }

    public async Task<IReadOnlyList<LetterRow>> ListAsync(Guid processId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.GeneratedLetters.AsNoTracking()
            .Where(l => l.ProcessId == processId && l.LeadOrganisationId == me.OrganisationId)
            .Select(l => new LetterRow(l.Id, l.Kind, l.FileName, l.GeneratedByName, l.GeneratedAt, l.SizeBytes))
            .ToListAsync();
        // GeneratedAt is stored as sortable text; order in memory to keep the query plain.
        return rows.OrderByDescending(r => r.GeneratedAt).ToList();
    }

    /// <summary>The stored file, or null when the letter is not in the person's organisation.</summary>
    public async Task<LetterFile?> DownloadAsync(Guid letterId, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.GeneratedLetters.AsNoTracking()
            .Where(l => l.Id == letterId && l.LeadOrganisationId == me.OrganisationId)
            .Select(l => new LetterFile(l.FileName, l.Content))
            .FirstOrDefaultAsync(cancellationToken);
    }

    // ---- Internals ----------------------------------------------------------------------------------

    private static Task<QualityProcess?> LoadAsync(PortalDbContext db, Guid processId, Guid? organisationId) =>
        db.QualityProcesses.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(q => q.Id == processId && q.LeadOrganisationId == organisationId);

    internal static async Task<LetterTemplate> TemplateAsync(PortalDbContext db, Guid organisationId, LetterKind kind) =>
        await db.LetterTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.OrganisationId == organisationId && t.Kind == kind)
        ?? LetterTemplate.Default(kind);

    /// <summary>What the record knows for each field. Fields it cannot know (the area manager, a phone number) are left out.</summary>
    private async Task<Dictionary<string, string>> RecordValuesAsync(PortalDbContext db, QualityProcess process, UserContext me)
    {
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == process.ProviderId);
        var owner = provider.OwnerName.ToLower();
        var homes = await db.Providers.AsNoTracking()
            .Where(p => p.LeadOrganisationId == provider.LeadOrganisationId && p.IsActive && p.OwnerName.ToLower() == owner)
            .OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
        var intelligence = await db.IntelligenceEntries.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.ProviderId == provider.Id && (i.Kind == IntelligenceKind.CqcInspection || i.Kind == IntelligenceKind.SafeguardingConcern
                || i.Kind == IntelligenceKind.MonitoringVisit))
            .Select(i => new { i.Kind, i.OccurredOn, i.Summary }).ToListAsync();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == me.UserId).Select(u => new { u.Email, u.JobTitle }).SingleAsync();

        var values = new Dictionary<string, string>
        {
            [LetterFields.LetterDate] = LetterFields.Date(WorkingCalendar.UkToday(clock)),
            [LetterFields.Owner] = provider.OwnerName,
            [LetterFields.OwnerHomes] = LetterFields.List(homes),
            [LetterFields.CareHome] = provider.Name,
            [LetterFields.HomeAddress] = provider.Address,
            [LetterFields.Concerns] = process.ConcernSummary,
            [LetterFields.OfficerName] = me.DisplayName,
            [LetterFields.ContactName] = me.DisplayName,
            [LetterFields.ContactEmail] = user.Email,
        };
        void Set(string field, string? value) { if (!string.IsNullOrWhiteSpace(value)) values[field] = value; }

        Set(LetterFields.RegisteredManager, provider.RegisteredManager);
        Set(LetterFields.GpPractice, provider.GpPractice);
        Set(LetterFields.OfficerTitle, user.JobTitle);
        Set(LetterFields.ProcessChair, process.ProcessChairName);
        Set(LetterFields.Reasons, string.Join("\n", process.ThresholdEvidence.OrderBy(e => e.RecordedOn).Select(e => $"{e.Indicator.Text()}: {e.Evidence}")));

        var cqc = intelligence.Where(i => i.Kind == IntelligenceKind.CqcInspection).MaxBy(i => i.OccurredOn);
        if (cqc is not null)
        {
            Set(LetterFields.CqcInspectionDate, LetterFields.Date(cqc.OccurredOn));
            Set(LetterFields.CqcFindings, cqc.Summary);
        }
        var concern = intelligence.Where(i => i.Kind == IntelligenceKind.SafeguardingConcern).MaxBy(i => i.OccurredOn);
        if (concern is not null)
        {
            Set(LetterFields.SafeguardingConcernDate, LetterFields.Date(concern.OccurredOn));
            var visit = intelligence.Where(i => i.Kind == IntelligenceKind.MonitoringVisit && i.OccurredOn >= concern.OccurredOn).MinBy(i => i.OccurredOn);
            if (visit is not null)
            {
                Set(LetterFields.SafeguardingVisitDate, LetterFields.Date(visit.OccurredOn));
                Set(LetterFields.SafeguardingConcerns, visit.Summary);
            }
        }
        var meeting = process.Meetings.Where(m => m.Kind.IsSafetyAndImprovement() && !m.IsHeld).MinBy(m => m.ScheduledFor);
        if (meeting is not null)
        {
            Set(LetterFields.MeetingDate, LetterFields.Date(meeting.Date));
            Set(LetterFields.MeetingTime, LetterFields.Time(TimeOnly.FromDateTime(meeting.ScheduledFor)));
            Set(LetterFields.MeetingPlace, meeting.Place);
        }
        return values;
    }
}

/// <summary>Administrators' wording of each letter for their organisation.</summary>
public sealed class LetterTemplateAdmin(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record TemplateView(LetterKind Kind, string Title, string Body, bool IsOwnWording, int? Version, string UpdatedBy, DateTimeOffset? UpdatedAt);

    public async Task<TemplateView> GetAsync(LetterKind kind)
    {
        var me = await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var own = me.OrganisationId is { } org
            ? await db.LetterTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.OrganisationId == org && t.Kind == kind)
            : null;
        var template = own ?? LetterTemplate.Default(kind);
        return new TemplateView(kind, template.Title, template.Body, own is not null, own?.Version, template.UpdatedBy, own?.UpdatedAt);
    }

    /// <param name="version">The version the person loaded; null when they started from the original wording.</param>
    public async Task<ServiceResult> SaveAsync(LetterKind kind, int? version, string body)
    {
        var me = await currentUser.AuthorizeAsync(Policies.Administer);
        if (me.OrganisationId is not { } org)
            return ServiceResult.Fail("Your account is not in an organisation, so there is no letter wording to change.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var own = await db.LetterTemplates.FirstOrDefaultAsync(t => t.OrganisationId == org && t.Kind == kind);
        if (own is null && version is not null || own is not null && version is null)
            return ServiceResult.Fail(ServiceResultExtensions.ConcurrencyMessage);
        var result = await db.TrySaveAsync(() =>
        {
            if (own is null)
                db.LetterTemplates.Add(new LetterTemplate(org, kind, body, me.DisplayName, clock.GetUtcNow()));
            else
            {
                db.ExpectVersion(own, version!.Value);
                own.Edit(body, me.DisplayName, clock.GetUtcNow());
            }
        });
        // Two administrators saving their first own wording at once: the second meets the unique index.
        return result.Error == "A record with that name already exists." ? ServiceResult.Fail(ServiceResultExtensions.ConcurrencyMessage) : result;
    }

    /// <summary>Goes back to the seed's wording by removing the organisation's own.</summary>
    public async Task<ServiceResult> RestoreOriginalAsync(LetterKind kind, int version)
    {
        var me = await currentUser.AuthorizeAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var own = await db.LetterTemplates.FirstOrDefaultAsync(t => t.OrganisationId == me.OrganisationId && t.Kind == kind);
        if (own is null)
            return ServiceResult.Fail("This letter already uses the original wording.");
        db.ExpectVersion(own, version);
        return await db.TrySaveAsync(() => db.LetterTemplates.Remove(own));
    }
}
