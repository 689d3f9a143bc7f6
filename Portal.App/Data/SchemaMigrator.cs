using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Portal.App.Data;

/// <summary>
/// Applies the hand-written, ordered SQL migrations embedded under Data/Migrations/&lt;provider&gt;/.
/// EF's design-time tooling is not available to this project (docs/decisions/0002), so each schema change
/// is a numbered script; a test proves the migrated schema equals the one the model would create.
/// </summary>
public sealed class SchemaMigrator(IDbContextFactory<PortalDbContext> factory, ILogger<SchemaMigrator> logger)
{
    private const string HistoryTable = "SchemaMigrations";

    public static IReadOnlyList<(string Id, string Sql)> Scripts(string provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"Migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TABLE IF NOT EXISTS \"{HistoryTable}\" (\"Id\" TEXT NOT NULL PRIMARY KEY, \"AppliedAt\" TEXT NOT NULL)",
            cancellationToken);
        var applied = await db.Database
            .SqlQueryRaw<string>($"SELECT \"Id\" AS \"Value\" FROM \"{HistoryTable}\"")
            .ToListAsync(cancellationToken);

        var count = 0;
        foreach (var (id, sql) in Scripts("Sqlite").Where(s => !applied.Contains(s.Id)))
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var statement in Split(sql))
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO \"{HistoryTable}\" (\"Id\", \"AppliedAt\") VALUES ({{0}}, {{1}})",
                [id, DateTimeOffset.UtcNow.ToString("O")], cancellationToken);
            await tx.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema migration {MigrationId}", id);
            count++;
        }
        return count;
    }

    // Each statement in a script ends with a semicolon at the end of a line.
    private static IEnumerable<string> Split(string sql) =>
        sql.Split(";\n").Select(s => s.Trim()).Where(s => s.Split('\n')
            .Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
