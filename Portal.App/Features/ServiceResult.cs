using Microsoft.EntityFrameworkCore;
using Portal.Core;

namespace Portal.App.Features;

/// <summary>The outcome of a change a person asked for: success, or a plain-English reason shown on the form.</summary>
public sealed record ServiceResult(string? Error)
{
    public static readonly ServiceResult Ok = new((string?)null);

    public bool Succeeded => Error is null;

    public static ServiceResult Fail(string error) => new(error);
}

public static class ServiceResultExtensions
{
    public const string ConcurrencyMessage =
        "Someone else changed this record while you were editing it. Your changes are still on the form: " +
        "copy anything you need, then reload to see their version.";

    /// <summary>
    /// Runs a change and saves it, turning rule breaches and edit conflicts into form errors so nothing
    /// the person typed is lost. Unexpected failures still surface.
    /// </summary>
    public static async Task<ServiceResult> TrySaveAsync(this DbContext db, Action change, CancellationToken cancellationToken = default)
    {
        try
        {
            change();
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult.Ok;
        }
        catch (DomainRuleException ex)
        {
            return ServiceResult.Fail(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Fail(ConcurrencyMessage);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true)
        {
            return ServiceResult.Fail("A record with that name already exists.");
        }
    }

    /// <summary>Makes the save fail if the record changed since the person loaded version <paramref name="expected"/>.</summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, int expected) where T : Versioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = expected;
}
