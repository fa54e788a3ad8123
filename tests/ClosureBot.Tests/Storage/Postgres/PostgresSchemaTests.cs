using ClosureBot.Storage.Postgres;
using ClosureBot.Tests.Support;
using Npgsql;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary>
/// The app creates and migrates its PostgreSQL schema at start, records the version, migrates once when instances start
/// together, refuses a database of a newer build, and leaves the rules that must hold across instances to the database.
/// </summary>
public sealed class PostgresSchemaTests
{
    [Fact]
    public async Task Start_FreshDatabase_AppliesEveryMigrationInOrder()
    {
        await using var app = new BotApplicationFactory(storage: StorageProviders.Postgres);

        _ = app.Services;

        Assert.Equal(Enumerable.Range(1, PostgresSchema.Version).Select(v => v.ToString()),
            DatabaseProbe.Strings(app, "SELECT version FROM schema_version ORDER BY version"));
        var tables = DatabaseProbe.Strings(app, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        Assert.Contains("conversations", tables);
        Assert.Contains("handoff_tickets", tables);
    }

    [Fact]
    public async Task Migrate_SeveralInstancesAtOnce_AppliesEachMigrationOnce()
    {
        var connectionString = PostgresServer.CreateDatabase();
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);

            var versions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresSchema.Migrate(dataSource))));

            Assert.All(versions, v => Assert.Equal(PostgresSchema.Version, v));
            await using var command = dataSource.CreateCommand("SELECT COUNT(*) FROM schema_version");
            Assert.Equal((long)PostgresSchema.Version, (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            PostgresServer.DropDatabase(connectionString);
        }
    }

    [Fact]
    public async Task Start_DatabaseOfANewerBuild_RefusesToStartSayingWhy()
    {
        await using var app = new BotApplicationFactory(storage: StorageProviders.Postgres);
        await using (var dataSource = NpgsqlDataSource.Create(app.PostgresConnectionString!))
        {
            PostgresSchema.Migrate(dataSource);
            await using var command = dataSource.CreateCommand($"INSERT INTO schema_version (version) VALUES ({PostgresSchema.Version + 1})");
            await command.ExecuteNonQueryAsync();
        }

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("newer than this build", refused.ToString());
    }

    [Fact]
    public async Task Database_SecondOpenRequestForAnAccountWrittenBehindTheAppsBack_IsRefusedByTheUniqueIndex()
    {
        await using var app = new BotApplicationFactory(storage: StorageProviders.Postgres);
        _ = app.Services;
        await using var dataSource = NpgsqlDataSource.Create(app.PostgresConnectionString!);
        const string insert = """
            INSERT INTO closure_requests (reference, account_alias, status, requester_channel, requester_id, requester_verified,
                conversation_id, created_at, remaining, term_commitment, data_retrieval_acknowledged)
            VALUES ($1, 'ACME', $2, 'test', 'u', false, 'c', now(), '{}', false, true)
            """;
        async Task InsertAsync(string reference, string status)
        {
            await using var command = dataSource.CreateCommand(insert);
            command.Parameters.Add(new NpgsqlParameter { Value = reference });
            command.Parameters.Add(new NpgsqlParameter { Value = status });
            await command.ExecuteNonQueryAsync();
        }
        await InsertAsync("CLS-1", "Open");
        await InsertAsync("CLS-0", "Closed");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync("CLS-2", "Open"));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.Equal("closure_requests_one_open_per_account", refused.ConstraintName);
    }
}
