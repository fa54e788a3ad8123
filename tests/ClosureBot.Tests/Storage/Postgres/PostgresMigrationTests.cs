using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Closure;
using ClosureBot.Offboarding;
using ClosureBot.Storage.Postgres;
using ClosureBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary>
/// A database left at schema version 1 by an early build, holding real rows (made by the app itself: a conversation
/// mid-flow, a saved place, a closure request with its requesters and audit trail), is migrated by today's app at start,
/// and every row is still read as before.
/// </summary>
public sealed class PostgresMigrationTests
{
    private static readonly string[] VersionOneTables = ["conversations", "user_progress", "closure_requests", "closure_request_requesters", "audit_events"];

    [Fact]
    public async Task Start_DatabaseAtVersion1WithRows_MigratesToTheCurrentVersionAndReadsEveryRow()
    {
        await using var source = new BotApplicationFactory();
        var midway = source.WebChat();
        await midway.SendAll(Script.To(OffboardingSteps.DeleteServers));
        var saver = source.WebChat();
        await saver.SendAll(Script.To(OffboardingSteps.DeleteServers));
        await saver.Send("remind me later");
        var closer = source.WebChat();
        var receipt = await closer.SendAll(Script.HappyPath);
        var joiner = source.WebChat();
        await joiner.SendAll(Script.HappyPath);
        var audit = await source.Services.GetRequiredService<IClosureLog>().ListAuditAsync(100, CancellationToken.None);

        await using var migrated = new BotApplicationFactory(storage: StorageProviders.Postgres);
        var copied = CopyIntoVersionOne(source.DatabasePath, migrated.PostgresConnectionString!);
        var admin = migrated.CreateClient();

        Assert.Equal([PostgresSchema.Version.ToString(CultureInfo.InvariantCulture)], DatabaseProbe.Strings(migrated, "SELECT MAX(version) FROM schema_version"));
        Assert.True(PostgresSchema.Version > 1);
        Assert.All(VersionOneTables, table => Assert.True(copied[table] > 0, $"no {table} rows to migrate"));
        (await midway.Via(admin).Send("status")).Says("You're at Step 2 of 5");
        (await saver.NewConversation(admin).Join()).Says("Welcome back");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/closure-requests");
        request.Headers.Add("X-Api-Key", BotApplicationFactory.AdminKey);
        using var response = await admin.SendAsync(request);
        var requests = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        var logged = Assert.Single(requests)!;
        Assert.Equal(receipt.Fact("Reference"), (string?)logged["reference"]);
        Assert.Single(logged["alsoRequestedBy"]!.AsArray());
        var migratedAudit = await migrated.Services.GetRequiredService<IClosureLog>().ListAuditAsync(100, CancellationToken.None);
        Assert.Equal(audit.Select(a => (a.Kind, a.ConversationId, a.Detail)), migratedAudit.Select(a => (a.Kind, a.ConversationId, a.Detail)));
    }

    // Brings the new database to version 1 (as the first build left it) and copies the SQLite rows into its tables,
    // column by column as PostgreSQL types them; identity columns are numbered by PostgreSQL.
    private static Dictionary<string, int> CopyIntoVersionOne(string sqlitePath, string postgres)
    {
        using (var dataSource = NpgsqlDataSource.Create(postgres)) Assert.Equal(1, PostgresSchema.Migrate(dataSource, target: 1));
        using var from = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        from.Open();
        using var to = new NpgsqlConnection(postgres);
        to.Open();
        var copied = new Dictionary<string, int>();
        foreach (var table in VersionOneTables)
        {
            var types = new Dictionary<string, string>();
            using (var columns = new NpgsqlCommand("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND is_identity = 'NO'", to))
            {
                columns.Parameters.AddWithValue(table);
                using var reader = columns.ExecuteReader();
                while (reader.Read()) types[reader.GetString(0)] = reader.GetString(1);
            }
            using var select = from.CreateCommand();
            select.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
            using var rows = select.ExecuteReader();
            var names = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).Where(types.ContainsKey).ToList();
            var insert = $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => $"${i + 1}"))})";
            copied[table] = 0;
            while (rows.Read())
            {
                using var command = new NpgsqlCommand(insert, to);
                foreach (var name in names) command.Parameters.AddWithValue(Convert(rows[name], types[name]));
                command.ExecuteNonQuery();
                copied[table]++;
            }
        }
        return copied;
    }

    private static object Convert(object value, string postgresType) => value switch
    {
        DBNull => DBNull.Value,
        long number when postgresType == "boolean" => number != 0,
        long number when postgresType == "integer" => (int)number,
        string text when postgresType.StartsWith("timestamp", StringComparison.Ordinal) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime(),
        _ => value,
    };
}
