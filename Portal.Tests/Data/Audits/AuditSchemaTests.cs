using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.App.Data;
using Portal.Tests.Support;
using Xunit;

namespace Portal.Tests.Data.Audits;

public class AuditSchemaTests
{
    [Fact]
    public async Task The_case_audit_tables_after_migration_match_the_model_exactly()
    {
        await using var app = await TestApp.StartAsync(seedDemoData: false);
        var modelPath = Path.Combine(Path.GetTempPath(), $"portal-model-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={modelPath};Pooling=False").Options;
            await using (var model = new PortalDbContext(options))
                await model.Database.EnsureCreatedAsync();
            var migrated = Schema(app.DatabasePath);
            var expected = Schema(modelPath);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, migrated);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(modelPath);
        }
    }

    private static SortedDictionary<string, string> Schema(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND (name LIKE '%Audit%') AND name NOT LIKE '%AuditEntries%'";
        using var reader = command.ExecuteReader();
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
            result[reader.GetString(0)] = string.Join(" ", reader.GetString(1).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return result;
    }
}
