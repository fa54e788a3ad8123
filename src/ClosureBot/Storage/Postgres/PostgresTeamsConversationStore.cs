using System.Collections.Concurrent;
using System.Text.Json;
using ClosureBot.Channels.Teams;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Storage.Postgres;

/// <summary>The Teams conversation references and open cards (see <see cref="ITeamsConversationStore"/>) in PostgreSQL.</summary>
public sealed class PostgresTeamsConversationStore(PostgresDatabase database, TimeProvider time) : ITeamsConversationStore
{
    // The reference rarely changes; writing it only when it does (or a day has passed, so its time tells the retention
    // job the chat is alive, whichever instance served it) spares every turn a write.
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, (string Json, DateTimeOffset SavedAt)> _lastSaved = new(StringComparer.Ordinal);

    public async Task SaveReferenceAsync(string conversationKey, ConversationReference reference, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(reference, ProtocolJson.Options);
        var now = time.GetUtcNow();
        if (_lastSaved.TryGetValue(conversationKey, out var last) && last.Json == json && now - last.SavedAt < RefreshAfter) return;
        await ExecuteAsync("""
            INSERT INTO teams_conversations (key, reference, updated_at) VALUES ($1, $2, $3)
            ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at
            """, ct, conversationKey, json, now.ToUnixTimeMilliseconds());
        _lastSaved[conversationKey] = (json, now);
    }

    public async Task<ConversationReference?> FindReferenceAsync(string conversationKey, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection, "SELECT reference FROM teams_conversations WHERE key = $1", conversationKey);
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<ConversationReference>(json, ProtocolJson.Options) : null;
    }

    public Task AddOpenCardAsync(string conversationKey, string activityId, Activity sent, CancellationToken ct) =>
        ExecuteAsync("""
            INSERT INTO teams_open_cards (conversation_key, activity_id, activity, created_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (conversation_key, activity_id) DO UPDATE SET activity = excluded.activity, created_at = excluded.created_at
            """, ct, conversationKey, activityId, JsonSerializer.Serialize(sent, ProtocolJson.Options), Now());

    public async Task<IReadOnlyList<(string ActivityId, Activity Sent)>> OpenCardsAsync(string conversationKey, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT activity_id, activity FROM teams_open_cards WHERE conversation_key = $1 ORDER BY created_at, id", conversationKey);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var cards = new List<(string, Activity)>();
        while (await reader.ReadAsync(ct))
            cards.Add((reader.GetString(0), JsonSerializer.Deserialize<Activity>(reader.GetString(1), ProtocolJson.Options)!));
        return cards;
    }

    public Task CloseCardAsync(string conversationKey, string activityId, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM teams_open_cards WHERE conversation_key = $1 AND activity_id = $2", ct, conversationKey, activityId);

    public async Task<(int References, int Cards)> PruneAsync(DateTimeOffset referencesBefore, DateTimeOffset cardsBefore, Func<string, bool> isProtected,
        int batchSize, CancellationToken ct)
    {
        foreach (var (key, saved) in _lastSaved)
            if (saved.SavedAt < time.GetUtcNow() - RefreshAfter) _lastSaved.TryRemove(KeyValuePair.Create(key, saved));
        var references = await PruneAsync("teams_conversations", "key", "key", "updated_at", referencesBefore, isProtected, batchSize, ct);
        var cards = await PruneAsync("teams_open_cards", "id", "conversation_key", "created_at", cardsBefore, isProtected, batchSize, ct);
        return (references, cards);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    // Rows older than `before`, a batch at a time in `idColumn` order; each batch deleted in one transaction where the
    // row's time is still the one read.
    private async Task<int> PruneAsync(string table, string idColumn, string keyColumn, string timeColumn, DateTimeOffset before,
        Func<string, bool> isProtected, int batchSize, CancellationToken ct)
    {
        var deleted = 0;
        object after = idColumn == "id" ? 0L : "";
        while (true)
        {
            var batch = new List<(object Id, long Time)>();
            var read = 0;
            await using (var connection = await database.OpenAsync(ct))
            await using (var select = PostgresDatabase.Command(connection,
                $"SELECT {idColumn}, {keyColumn}, {timeColumn} FROM {table} WHERE {idColumn} > $1 AND {timeColumn} < $2 ORDER BY {idColumn} LIMIT $3",
                after, before.ToUnixTimeMilliseconds(), batchSize))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    read++;
                    after = reader.GetValue(0);
                    var key = reader.GetString(1);
                    if (!isProtected(key[(key.IndexOf('/') + 1)..])) batch.Add((after, reader.GetInt64(2)));
                }
            }
            if (read == 0) return deleted;
            if (batch.Count == 0) continue;
            await using var write = await database.OpenAsync(ct);
            await using var transaction = await write.BeginTransactionAsync(ct);
            await using var delete = PostgresDatabase.Command(write, $"DELETE FROM {table} WHERE {idColumn} = $1 AND {timeColumn} = $2", after, 0L);
            foreach (var (id, at) in batch)
            {
                (delete.Parameters[0].Value, delete.Parameters[1].Value) = (id, at);
                deleted += await delete.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params object?[] values)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection, sql, values);
        await command.ExecuteNonQueryAsync(ct);
    }
}
