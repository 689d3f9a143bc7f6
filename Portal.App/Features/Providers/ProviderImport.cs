using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core;
using Portal.Core.Import;
using Portal.Core.Providers;

namespace Portal.App.Features.Providers;

/// <summary>
/// Adds providers to the organisation's register from a spreadsheet (a council's existing provider list or a
/// CQC extract), through the shared upload → preview → confirm flow. Each row is checked by the same Core rules
/// as the "Add a provider" form, and against the register, before anything is saved.
/// </summary>
public sealed class ProviderImport(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record Line(int RowNumber, ProviderRegister.ProviderInput Input, CqcRating? Rating, DateOnly? RatingPublishedOn);

    public const string Name = "Name";
    public const string Kind = "Type of service";
    public const string AddressLine1 = "Address line 1";
    public const string AddressLine2 = "Address line 2";
    public const string Town = "Town";
    public const string Postcode = "Postcode";
    public const string Owner = "Owner";
    public const string Commissioners = "Commissioners";
    public const string CqcLocationId = "CQC location ID";
    public const string RegisteredManager = "Registered manager";
    public const string GpPractice = "GP practice";
    public const string Rating = "CQC rating";
    public const string RatingDate = "CQC rating date";

    /// <summary>The register's fields as columns; type and rating are read as people type them ("care home with nursing").</summary>
    public static ImportSchema Schema { get; } = new ImportSchema()
        .Text(Name, required: true, maxLength: Provider.NameMaxLength)
        .Text(Kind, required: true, maxLength: 100)
        .Text(AddressLine1, required: true, maxLength: Provider.AddressLineMaxLength)
        .Text(AddressLine2, maxLength: Provider.AddressLineMaxLength)
        .Text(Town, required: true, maxLength: Provider.TownMaxLength)
        .Text(Postcode, required: true, maxLength: 20)
        .Text(Owner, required: true, maxLength: Provider.OwnerMaxLength)
        .Text(Commissioners, required: true, maxLength: Provider.CommissionersMaxLength)
        .Text(CqcLocationId, maxLength: Provider.CqcLocationIdMaxLength)
        .Text(RegisteredManager, maxLength: Provider.PersonNameMaxLength)
        .Text(GpPractice, maxLength: Provider.GpPracticeMaxLength)
        .Text(Rating, maxLength: 50)
        .Date(RatingDate);

    public static Line? Map(ImportedRow row)
    {
        if (!ProviderText.TryParseKind(row.Text(Kind), out var kind))
        {
            row.AddError($"'{row.Text(Kind)}' is not a type of service. Use one of: {string.Join(", ", Enum.GetValues<ProviderKind>().Select(k => k.Describe()))}.");
            return null;
        }
        CqcRating? rating = null;
        if (row.Text(Rating) is { } ratingText)
        {
            if (!ProviderText.TryParseRating(ratingText, out var parsed))
            {
                row.AddError($"'{ratingText}' is not a CQC rating. Use one of: {string.Join(", ", Enum.GetValues<CqcRating>().Select(r => r.Describe()))}, or leave it empty.");
                return null;
            }
            rating = parsed;
        }
        var ratingDate = row.Date(RatingDate);
        if (rating is not null and not CqcRating.NotYetRated && ratingDate is null)
        {
            row.AddError($"Give the {RatingDate} (when CQC published the {rating.Value.Describe()} rating).");
            return null;
        }
        if (ratingDate is not null && rating is null or CqcRating.NotYetRated)
        {
            row.AddError($"There is a {RatingDate} but no {Rating}.");
            return null;
        }

        var input = new ProviderRegister.ProviderInput(row.Text(Name)!, kind, row.Text(AddressLine1)!, row.Text(AddressLine2), row.Text(Town)!,
            row.Text(Postcode)!, row.Text(Owner)!, row.Text(Commissioners)!, row.Text(CqcLocationId)?.ToUpperInvariant(), row.Text(RegisteredManager),
            row.Text(GpPractice), null);
        try
        {
            // The same rules as the "Add a provider" form decide what a valid row is; the preview shows their words.
            var provider = Build(Guid.Empty, input, rating, ratingDate);
            input = input with { Postcode = provider.Postcode, CqcLocationId = provider.CqcLocationId };
        }
        catch (DomainRuleException ex)
        {
            row.AddError(ex.Message);
            return null;
        }
        return new Line(row.RowNumber, input, rating, ratingDate);
    }

    /// <summary>Flags duplicates within the file and providers already in the organisation's register.</summary>
    public async Task CheckAsync(ImportPreview<Line> preview)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        preview.FlagDuplicates(l => l.Input.CqcLocationId, CqcLocationId);
        preview.FlagDuplicates(l => $"{l.Input.Name.ToLowerInvariant()} at {l.Input.Postcode}", "Name and postcode");
        var lines = preview.Rows.Where(r => r.Item is not null).ToList();
        var (locations, names) = await ExistingAsync(me.OrganisationId, lines.Select(r => r.Item!).ToList());
        foreach (var row in lines)
        {
            var line = row.Item!;
            if (line.Input.CqcLocationId is { } location && locations.TryGetValue(location, out var holder))
                row.Source.AddError($"CQC location ID {location} is already in your register ({holder}). Edit that provider instead.");
            if (names.Contains(NameKey(line.Input.Name, line.Input.Postcode)))
                row.Source.AddError($"{line.Input.Name} ({line.Input.Postcode}) is already in your register.");
        }
    }

    public async Task<ServiceResult> SaveAsync(IReadOnlyList<Line> lines)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        if (me.OrganisationId is not { } organisationId)
            return ServiceResult.Fail("Your account is not in an organisation, so it has no provider register.");
        await using var db = await dbFactory.CreateDbContextAsync();
        // Checked again: someone may have added one of these providers since the preview.
        var (locations, names) = await ExistingAsync(organisationId, lines, db);
        var result = await db.TrySaveAsync(() =>
        {
            foreach (var line in lines)
            {
                if (line.Input.CqcLocationId is { } location && locations.ContainsKey(location))
                    throw new DomainRuleException($"Row {line.RowNumber}: CQC location ID {location} was added to your register after the preview. Check the file again.");
                if (names.Contains(NameKey(line.Input.Name, line.Input.Postcode)))
                    throw new DomainRuleException($"Row {line.RowNumber}: {line.Input.Name} was added to your register after the preview. Check the file again.");
                db.Providers.Add(Build(organisationId, line.Input, line.Rating, line.RatingPublishedOn));
            }
        });
        // One SaveChanges: every row is added, or none is.
        return result.Error == "A record with that name already exists."
            ? ServiceResult.Fail("Two providers in the file, or one in the file and one in the register, have the same name and postcode. Check the file again.")
            : result;
    }

    private static Provider Build(Guid organisationId, ProviderRegister.ProviderInput input, CqcRating? rating, DateOnly? ratingDate)
    {
        var provider = new Provider(organisationId, input.Name, input.Kind, input.AddressLine1, input.AddressLine2, input.Town, input.Postcode,
            input.OwnerName, input.Commissioners);
        provider.UpdateContacts(input.CqcLocationId, input.RegisteredManager, input.GpPractice, null);
        if (rating is { } r && ratingDate is { } on)
            provider.RecordCqcRating(r, on);
        return provider;
    }

    private static string NameKey(string name, string postcode) => $"{name.Trim().ToLowerInvariant()}|{postcode}";

    private async Task<(Dictionary<string, string> Locations, HashSet<string> Names)> ExistingAsync(Guid? organisationId, IReadOnlyList<Line> lines,
        PortalDbContext? db = null)
    {
        var own = db is null;
        db ??= await dbFactory.CreateDbContextAsync();
        try
        {
            var locations = lines.Select(l => l.Input.CqcLocationId).OfType<string>().Distinct().ToList();
            var postcodes = lines.Select(l => l.Input.Postcode).Distinct().ToList();
            var byLocation = await db.Providers.AsNoTracking()
                .Where(p => p.LeadOrganisationId == organisationId && p.CqcLocationId != null && locations.Contains(p.CqcLocationId))
                .Select(p => new { p.CqcLocationId, p.Name }).ToListAsync();
            var byName = await db.Providers.AsNoTracking()
                .Where(p => p.LeadOrganisationId == organisationId && postcodes.Contains(p.Postcode))
                .Select(p => new { p.Name, p.Postcode }).ToListAsync();
            return (byLocation.GroupBy(p => p.CqcLocationId!).ToDictionary(g => g.Key, g => g.First().Name),
                byName.Select(p => NameKey(p.Name, p.Postcode)).ToHashSet());
        }
        finally
        {
            if (own) await db.DisposeAsync();
        }
    }
}
