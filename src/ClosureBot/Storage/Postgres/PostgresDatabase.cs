using Microsoft.Extensions.Options;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL database: one pooled <see cref="NpgsqlDataSource"/> for every store, with automatic statement
/// preparation on, and the schema migrated to the app's version when it is first built (at start-up).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public PostgresDatabase(IOptions<StorageOptions> options, ILogger<PostgresDatabase> logger)
    {
        var builder = new NpgsqlDataSourceBuilder(options.Value.ConnectionString);
        var settings = builder.ConnectionStringBuilder;
        // Statements run again and again with new values: let Npgsql prepare them on each connection, unless configured.
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 64;
        if (settings.AutoPrepareMinUsages == 5) settings.AutoPrepareMinUsages = 2;
        settings.ApplicationName ??= "ClosureBot";
        DataSource = builder.Build();
        var unpooled = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false };
        _synchronous = new NpgsqlDataSourceBuilder(unpooled.ConnectionString).Build();
        var version = PostgresSchema.Migrate(DataSource);
        logger.LogInformation("PostgreSQL store at schema version {SchemaVersion} on {Host}/{Database}", version, settings.Host, settings.Database);
    }

    private readonly NpgsqlDataSource _synchronous;

    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// A connection of its own for an interface that only has synchronous methods (the Data Protection key ring, the token
    /// signing key). A pooled connection may have been used asynchronously, and a synchronous read on such a socket waits
    /// for the socket thread, which may be the very thread waiting when socket completions run inline.
    /// </summary>
    public NpgsqlConnection OpenSynchronous() => _synchronous.OpenConnection();

    /// <summary>This app instance, as it signs its notifications (so it can ignore its own).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct) => DataSource.OpenConnectionAsync(ct);

    /// <summary>A command on <paramref name="connection"/> with positional parameters <c>$1…</c> bound to <paramref name="values"/>.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(Parameter(value));
        return command;
    }

    /// <summary>A positional parameter; times are sent as UTC (what <c>timestamptz</c> takes), null as SQL NULL.</summary>
    public static NpgsqlParameter Parameter(object? value) => new()
    {
        Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset time => time.ToUniversalTime(),
            _ => value,
        },
    };

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _synchronous.DisposeAsync();
    }
}
