using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.App.Data;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

public class SchemaTests
{
    [Fact]
    public async Task The_migrated_schema_equals_the_schema_the_current_model_creates()
    {
        await using var app = await TestApp.StartAsync(seedDemoData: false);
        var modelPath = Path.Combine(Path.GetTempPath(), $"portal-model-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={modelPath};Pooling=False").Options))
                await db.Database.EnsureCreatedAsync();

            var migrated = Describe(app.DatabasePath);
            var model = Describe(modelPath);

            // On failure, run `Portal.App --schema-script` and copy the new tables into the next migration.
            Assert.Equal(model, migrated);
            Assert.Contains(model, line => line.StartsWith("Users.Email", StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(modelPath);
        }
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var app = await TestApp.StartAsync(seedDemoData: false);

        var applied = await app.Run(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync());

        Assert.Equal(0, applied);
        Assert.NotEmpty(SchemaMigrator.Scripts("Sqlite"));
    }

    /// <summary>Columns, indexes and foreign keys of every table, order-independent so ALTERs compare equal.</summary>
    internal static List<string> Describe(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var lines = new List<string>();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> 'SchemaMigrations'")
            .Select(r => (string)r[0]!).ToList();
        foreach (var table in tables)
        {
            foreach (var c in Query(connection, $"PRAGMA table_info(\"{table}\")"))
                lines.Add($"{table}.{c[1]} type={c[2]} notnull={c[3]} default={c[4]} pk={c[5]}");
            foreach (var i in Query(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                var columns = string.Join(",", Query(connection, $"PRAGMA index_info(\"{i[1]}\")").Select(r => r[2]));
                lines.Add($"{table} index {i[1]} unique={i[2]} origin={i[3]} ({columns})");
            }
            foreach (var f in Query(connection, $"PRAGMA foreign_key_list(\"{table}\")"))
                lines.Add($"{table} fk {f[3]} -> {f[2]}.{f[4]} on_delete={f[6]}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
