using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.App.Auth;
using Portal.Core;
using Portal.Core.Auditing;

namespace Portal.App.Data;

/// <summary>
/// Writes the audit trail in the same transaction as the change itself, so a change can never land
/// without its audit row, and bumps the concurrency token of every edited aggregate.
/// </summary>
public sealed class AuditSaveChangesInterceptor(TimeProvider clock, CurrentUser currentUser) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null)
            Record(eventData.Context, currentUser.Peek());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null)
            Record(eventData.Context, await currentUser.GetAsync());
        return result;
    }

    private void Record(DbContext context, UserContext? actor)
    {
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in entries)
        {
            if (entry is { State: EntityState.Modified, Entity: Versioned versioned })
                versioned.BumpVersion();

            var changes = Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
                continue;

            context.Add(new AuditEntry(
                now,
                actor?.UserId,
                actor?.DisplayName ?? "System",
                entry.Metadata.IsOwned() ? entry.Metadata.DisplayName() : entry.Metadata.ClrType.Name,
                KeyOf(entry),
                entry.State switch
                {
                    EntityState.Added => AuditAction.Inserted,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                JsonSerializer.Serialize(changes)));
        }
    }

    private static List<FieldChange> Describe(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name == nameof(Versioned.Version) || property.Metadata.IsPrimaryKey() && entry.Metadata.IsOwned())
                continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new FieldChange(name, null, Format(property.CurrentValue)));
                    break;
                case EntityState.Deleted:
                    changes.Add(new FieldChange(name, Format(property.OriginalValue), null));
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes.Add(new FieldChange(name, Format(property.OriginalValue), Format(property.CurrentValue)));
                    break;
            }
        }
        return changes;
    }

    private static string KeyOf(EntityEntry entry)
    {
        // An owned row's own key is a database counter; its owner's key is what a reader searches by.
        var key = entry.Metadata.IsOwned()
            ? entry.Metadata.GetForeignKeys().First(fk => fk.IsOwnership).Properties
            : entry.Metadata.FindPrimaryKey()!.Properties;
        return string.Join("/", key.Select(p => Format(entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue)));
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.UtcDateTime.ToString("O"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public sealed record FieldChange(string Field, string? Old, string? New);
}
