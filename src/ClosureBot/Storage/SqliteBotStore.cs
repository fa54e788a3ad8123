using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ClosureBot.Storage;

/// <summary>
/// The embedded SQLite store. Reads use pooled connections (WAL lets them run beside the writer); all writes go
/// through one <see cref="SqliteGroupCommitter"/> that commits the turns waiting at that moment in one transaction,
/// so each turn still waits for its own durable commit but the disk flush is shared.
/// </summary>
public sealed class SqliteBotStore : IBotStore, IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly ConversationCache _cache;
    private readonly SqliteGroupCommitter _committer;

    public SqliteBotStore(SqliteDatabase database, IOptions<StorageOptions> options, TimeProvider time, WriterMetrics metrics,
        ILogger<SqliteBotStore> logger)
    {
        _database = database;
        _cache = new ConversationCache(options.Value.CacheMegabytes * 1024L * 1024);
        database.EnsureSchema(SqliteSchema.Create);
        using (var connection = database.Open()) OutboxStatements.EnsureSchema(connection);
        database.EnsureSchema(HandoffStatements.Schema);
        _committer = new SqliteGroupCommitter(database.Open(), () => database.Open(), _cache, time, options.Value.CommitDelay, metrics, logger);
    }

    /// <summary>The database this store created its schema in.</summary>
    public SqliteDatabase Database => _database;

    public async Task<StoredConversation?> LoadConversationAsync(string key, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(key, out var cached)) return cached;
        using var session = _database.RentReader();
        await using var reader = await session.Command("SELECT etag, CAST(state AS BLOB) FROM conversations WHERE key = @p0", key)
            .ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var stored = new StoredConversation(key, reader.GetString(0), reader.GetFieldValue<byte[]>(1));
        _cache.Set(stored);
        return stored;
    }

    public async Task<StoredProgress?> LoadProgressAsync(string userKey, CancellationToken cancellationToken)
    {
        using var session = _database.RentReader();
        await using var reader = await session.Command("SELECT conversation_id, state, saved_at FROM user_progress WHERE user_key = @p0", userKey)
            .ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredProgress(userKey, reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2)))
            : null;
    }

    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken) => _committer.CommitAsync(commit, cancellationToken);

    public void Evict(string conversationKey) => _cache.Remove(conversationKey);

    /// <summary>Runs <paramref name="work"/> inside the next group commit (see <see cref="SqliteGroupCommitter.WriteAsync"/>).</summary>
    internal Task<int> WriteAsync(Func<SqliteTransaction, int> work, CancellationToken cancellationToken) => _committer.WriteAsync(work, cancellationToken);

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM conversations WHERE 0";
            await command.ExecuteScalarAsync(cancellationToken);
            return _committer.IsRunning;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _committer.DisposeAsync();

    private SqliteConnection Open() => _database.Open(forWriting: false);
}
