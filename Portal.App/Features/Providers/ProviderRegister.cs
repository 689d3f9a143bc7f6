using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Providers;

namespace Portal.App.Features.Providers;

/// <summary>The care provider register of the signed-in person's organisation.</summary>
public sealed class ProviderRegister(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record ProviderQuery(string? Search, ProviderKind? Kind, CqcRating? Rating, bool IncludeInactive, bool InProcessOnly, int Skip, int Take);

    public sealed record ProviderRow(Guid Id, string Name, ProviderKind Kind, string Town, string Postcode, CqcRating? Rating, bool IsActive,
        ProcessStage? OpenStage, Guid? OpenProcessId);

    public sealed record ProviderInput(string Name, ProviderKind Kind, string AddressLine1, string? AddressLine2, string Town, string Postcode,
        string OwnerName, string Commissioners, string? CqcLocationId, string? RegisteredManager, string? GpPractice, Guid? OwnerOrganisationId);

    public sealed record ProviderDetail(Guid Id, int Version, ProviderInput Details, CqcRating? Rating, DateOnly? RatingDate, bool IsActive,
        string Address, Guid? OpenProcessId, ProcessStage? OpenStage, string? OwnerOrganisationName);

    public sealed record ProviderChoice(Guid Id, string Name, string Town, string Postcode);

    public async Task<(IReadOnlyList<ProviderRow> Rows, int Total)> SearchAsync(ProviderQuery query, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewProviders);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var providers = db.Providers.AsNoTracking().Where(p => p.LeadOrganisationId == me.OrganisationId);
        if (!query.IncludeInactive)
            providers = providers.Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            providers = providers.Where(p => p.Name.ToLower().Contains(term) || p.Town.ToLower().Contains(term) || p.Postcode.ToLower().Contains(term)
                || (p.CqcLocationId != null && p.CqcLocationId.ToLower().Contains(term)));
        }
        if (query.Kind is { } kind)
            providers = providers.Where(p => p.Kind == kind);
        if (query.Rating is { } rating)
            providers = providers.Where(p => p.CurrentCqcRating == rating);

        var rows = providers.Select(p => new
        {
            p,
            Open = db.QualityProcesses.Where(q => q.ProviderId == p.Id && q.Stage != ProcessStage.Completed && q.Stage != ProcessStage.Resolved)
                .Select(q => new { q.Id, q.Stage }).FirstOrDefault(),
        });
        if (query.InProcessOnly)
            rows = rows.Where(r => r.Open != null);

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(r => r.p.Name).ThenBy(r => r.p.Town)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 100))
            .Select(r => new ProviderRow(r.p.Id, r.p.Name, r.p.Kind, r.p.Town, r.p.Postcode, r.p.CurrentCqcRating, r.p.IsActive,
                r.Open == null ? null : r.Open.Stage, r.Open == null ? null : r.Open.Id))
            .ToListAsync(cancellationToken);
        return (page, total);
    }

    public async Task<ProviderDetail?> GetAsync(Guid id)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewProviders);
        await using var db = await dbFactory.CreateDbContextAsync();
        var p = await db.Providers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.LeadOrganisationId == me.OrganisationId);
        if (p is null)
            return null;
        var open = await db.QualityProcesses.AsNoTracking().IgnoreAutoIncludes()
            .Where(q => q.ProviderId == id && q.Stage != ProcessStage.Completed && q.Stage != ProcessStage.Resolved)
            .Select(q => new { q.Id, q.Stage }).FirstOrDefaultAsync();
        var ownerOrg = p.OwnerOrganisationId is { } o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync() : null;
        return new ProviderDetail(p.Id, p.Version,
            new ProviderInput(p.Name, p.Kind, p.AddressLine1, p.AddressLine2, p.Town, p.Postcode, p.OwnerName, p.Commissioners, p.CqcLocationId,
                p.RegisteredManager, p.GpPractice, p.OwnerOrganisationId),
            p.CurrentCqcRating, p.CqcRatingDate, p.IsActive, p.Address, open?.Id, open?.Stage, ownerOrg);
    }

    public async Task<(ServiceResult Result, Guid? Id)> CreateAsync(ProviderInput input)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        Provider? provider = null;
        var result = await db.TrySaveAsync(() =>
        {
            provider = new Provider(me.OrganisationId!.Value, input.Name, input.Kind, input.AddressLine1, input.AddressLine2, input.Town, input.Postcode,
                input.OwnerName, input.Commissioners);
            provider.UpdateContacts(input.CqcLocationId, input.RegisteredManager, input.GpPractice, input.OwnerOrganisationId);
            db.Providers.Add(provider);
        });
        if (!result.Succeeded && result.Error!.StartsWith("A record with that name", StringComparison.Ordinal))
            result = ServiceResult.Fail("A provider with that name and postcode is already in the register.");
        return (result, result.Succeeded ? provider!.Id : null);
    }

    public async Task<ServiceResult> UpdateAsync(Guid id, int version, ProviderInput input)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == id && p.LeadOrganisationId == me.OrganisationId);
        if (provider is null)
            return ServiceResult.Fail("That provider is not in your organisation's register.");
        db.ExpectVersion(provider, version);
        var result = await db.TrySaveAsync(() =>
        {
            provider.UpdateDetails(input.Name, input.Kind, input.AddressLine1, input.AddressLine2, input.Town, input.Postcode, input.OwnerName, input.Commissioners);
            provider.UpdateContacts(input.CqcLocationId, input.RegisteredManager, input.GpPractice, input.OwnerOrganisationId);
        });
        return !result.Succeeded && result.Error!.StartsWith("A record with that name", StringComparison.Ordinal)
            ? ServiceResult.Fail("A provider with that name and postcode is already in the register.")
            : result;
    }

    public async Task<ServiceResult> SetActiveAsync(Guid id, int version, bool active)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == id && p.LeadOrganisationId == me.OrganisationId);
        if (provider is null)
            return ServiceResult.Fail("That provider is not in your organisation's register.");
        db.ExpectVersion(provider, version);
        return await db.TrySaveAsync(() => { if (active) provider.Reactivate(); else provider.Deactivate(); });
    }

    /// <summary>
    /// Homes to choose from on an observation sheet. Visitors (police, GPs) work across council areas, so
    /// every active provider is offered, with only its name and address.
    /// </summary>
    public async Task<IReadOnlyList<ProviderChoice>> ChooseAsync(string? search, int take = 20)
    {
        await currentUser.AuthorizeAsync(Policies.SubmitObservation);
        await using var db = await dbFactory.CreateDbContextAsync();
        var providers = db.Providers.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            providers = providers.Where(p => p.Name.ToLower().Contains(term) || p.Town.ToLower().Contains(term) || p.Postcode.ToLower().Contains(term));
        }
        return await providers.OrderBy(p => p.Name).Take(Math.Clamp(take, 1, 50))
            .Select(p => new ProviderChoice(p.Id, p.Name, p.Town, p.Postcode)).ToListAsync();
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> OwnerOrganisationOptionsAsync()
    {
        await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.Organisations.AsNoTracking().Where(o => o.IsActive && o.Kind == Portal.Core.Organisations.OrganisationKind.CareProvider)
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();
    }
}
