using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.App.Data;
using Portal.Tests.Support;
using Xunit;

namespace Portal.Tests.Data.ActionPlans;

public class ActionPlanSchemaTests
{
    private static readonly string[] Tables =
        ["ActionPlans", "ActionPlanSections", "ActionPlanOwners", "PlanActions", "PlanActionLeads", "PlanActionUpdates", "PlanActionRagChanges", "ActionBoardPreferences"];

    [Fact]
    public async Task Migration_0002_creates_the_action_plan_tables_exactly_as_the_model_describes_them()
    {
        await using var app = await TestApp.StartAsync(seedDemoData: false);
        var migrated = await SchemaAsync($"Data Source={app.DatabasePath};Pooling=False");

        var modelPath = Path.Combine(Path.GetTempPath(), $"portal-model-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={modelPath};Pooling=False").Options))
                await db.Database.EnsureCreatedAsync();
            var model = await SchemaAsync($"Data Source={modelPath};Pooling=False");
            Assert.Equal(model, migrated);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(modelPath);
        }
    }

    private static async Task<List<string>> SchemaAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || COALESCE(sql, '') FROM sqlite_master WHERE tbl_name IN (" +
                              string.Join(",", Tables.Select(t => $"'{t}'")) + ") ORDER BY type, name";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" ", reader.GetString(0).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(Tables.Length, rows.Count(r => r.StartsWith("table ")));
        return rows;
    }
}
