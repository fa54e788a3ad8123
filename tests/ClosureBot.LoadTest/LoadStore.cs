using Npgsql;

namespace ClosureBot.LoadTest;

/// <summary>
/// The store one row's bots run on, made empty for it and removed afterwards: a temp SQLite file, or a new database
/// on the PostgreSQL server <c>--postgres</c> names (created with <c>CREATE DATABASE</c>, dropped with <c>FORCE</c>).
/// </summary>
public sealed class LoadStore : IAsyncDisposable
{
    private readonly Func<Task> _remove;

    private LoadStore(bool postgres, IReadOnlyList<string> botArgs, Func<Task> remove)
    {
        IsPostgres = postgres;
        BotArgs = botArgs;
        _remove = remove;
    }

    public bool IsPostgres { get; }

    /// <summary>Configuration (<c>Key=Value</c>) that points a bot, or its <c>seed</c> command, at this store.</summary>
    public IReadOnlyList<string> BotArgs { get; }

    public static LoadStore Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"closurebot-load-{Guid.NewGuid():N}.db");
        return new LoadStore(false, [$"Storage:ConnectionString=Data Source={path}"], () =>
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(path + suffix);
            return Task.CompletedTask;
        });
    }

    /// <param name="adminConnectionString">A user who may create databases on the server (what <c>--postgres</c> gives).</param>
    public static async Task<LoadStore> PostgresAsync(string adminConnectionString)
    {
        var name = "closurebot_load_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        return new LoadStore(true, ["Storage:Provider=Postgres", $"Storage:ConnectionString={connectionString}"],
            () => ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }

    public async ValueTask DisposeAsync() => await _remove();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
