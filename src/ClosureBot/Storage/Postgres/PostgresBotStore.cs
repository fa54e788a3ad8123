using Microsoft.Extensions.Options;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL store, for one or several app instances on one database. Reads use pooled connections; each instance
/// writes through one <see cref="PostgresGroupCommitter"/>; the database enforces what must hold across instances
/// (ETags through conditional updates, one open closure request per account through a unique partial index, one turn
/// per activity through the outbox's primary key).
/// </summary>
public sealed class PostgresBotStore : IBotStore, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly ConversationCache _cache;
    private readonly PostgresGroupCommitter _committer;

    public PostgresBotStore(PostgresDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<PostgresBotStore> logger,
        WriterMetrics metrics)
    {
        _database = database;
        _cache = new ConversationCache(options.Value.CacheMegabytes * 1024L * 1024);
        _committer = new PostgresGroupCommitter(database, _cache, time, logger, metrics);
    }

    // A cached copy is checked against the row's ETag in the same round trip that would read it: with several instances
    // a customer's turns alternate between them, and a stale copy would cost a whole turn run twice (the commit's ETag
    // check fails and the turn is retried). The state travels only when the copy is stale or missing.
    private const string LoadSql =
        "SELECT etag, CASE WHEN etag = $2::text THEN NULL ELSE convert_to(state, 'UTF8') END FROM conversations WHERE key = $1";

    public async Task<StoredConversation?> LoadConversationAsync(string key, CancellationToken cancellationToken)
    {
        _cache.TryGet(key, out var cached);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, LoadSql, key, cached?.ETag);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            if (cached is not null) _cache.Remove(key);
            return null;
        }
        if (cached is not null && reader.IsDBNull(1)) return cached;
        var stored = new StoredConversation(key, reader.GetString(0), reader.GetFieldValue<byte[]>(1));
        _cache.Set(stored);
        return stored;
    }

    public async Task<StoredProgress?> LoadProgressAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT conversation_id, state, saved_at FROM user_progress WHERE user_key = $1", userKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredProgress(userKey, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken) => _committer.CommitAsync(commit, cancellationToken);

    public void Evict(string conversationKey) => _cache.Remove(conversationKey);

    /// <summary>Runs <paramref name="work"/> inside the next group commit, under its own savepoint; returns what it returns.</summary>
    internal Task<int> WriteAsync(Func<NpgsqlConnection, Task<int>> work, CancellationToken cancellationToken) =>
        _committer.WriteAsync(work, cancellationToken);

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var command = PostgresDatabase.Command(connection, "SELECT MAX(version) FROM schema_version");
            return await command.ExecuteScalarAsync(cancellationToken) is int version && version == PostgresSchema.Version && _committer.IsRunning;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _committer.DisposeAsync();
}
