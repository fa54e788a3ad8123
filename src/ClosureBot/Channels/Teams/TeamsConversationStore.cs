using System.Collections.Concurrent;
using System.Text.Json;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Storage;

namespace ClosureBot.Channels.Teams;

/// <summary>
/// What the bot keeps about each Teams conversation in the app's SQLite database: its conversation reference (for
/// proactive messages) and the cards it sent that still have buttons, by the activity id the Connector gave them (to
/// update them in place once answered).
/// </summary>
public sealed class TeamsConversationStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS teams_conversations (
            key TEXT PRIMARY KEY,
            reference TEXT NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS teams_open_cards (
            conversation_key TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            activity TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (conversation_key, activity_id));
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    // The reference rarely changes; writing it only when it does (or a day has passed, so its time tells the retention
    // job the chat is alive, whichever instance served it) spares every turn a write.
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, (string Json, DateTimeOffset SavedAt)> _lastSaved = new(StringComparer.Ordinal);

    public TeamsConversationStore(SqliteDatabase database, TimeProvider time)
    {
        (_database, _time) = (database, time);
        database.EnsureSchema(Schema);
    }

    public async Task SaveReferenceAsync(string conversationKey, ConversationReference reference, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(reference, ProtocolJson.Options);
        var now = _time.GetUtcNow();
        if (_lastSaved.TryGetValue(conversationKey, out var last) && last.Json == json && now - last.SavedAt < RefreshAfter) return;
        await ExecuteAsync("""
            INSERT INTO teams_conversations (key, reference, updated_at) VALUES ($key, $value, $now)
            ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at
            """, conversationKey, json, ct);
        _lastSaved[conversationKey] = (json, now);
    }

    public async Task<ConversationReference?> FindReferenceAsync(string conversationKey, CancellationToken ct)
    {
        await using var connection = _database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference FROM teams_conversations WHERE key = $key";
        command.Parameters.AddWithValue("$key", conversationKey);
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<ConversationReference>(json, ProtocolJson.Options) : null;
    }

    /// <summary>Remembers a card with buttons the Connector accepted as <paramref name="activityId"/>.</summary>
    public Task AddOpenCardAsync(string conversationKey, string activityId, Activity sent, CancellationToken ct) =>
        ExecuteAsync("INSERT OR REPLACE INTO teams_open_cards (conversation_key, activity_id, activity, created_at) VALUES ($key, $id, $value, $now)",
            conversationKey, JsonSerializer.Serialize(sent, ProtocolJson.Options), ct, activityId);

    /// <summary>The open cards of the conversation, oldest first.</summary>
    public async Task<IReadOnlyList<(string ActivityId, Activity Sent)>> OpenCardsAsync(string conversationKey, CancellationToken ct)
    {
        await using var connection = _database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT activity_id, activity FROM teams_open_cards WHERE conversation_key = $key ORDER BY created_at, rowid";
        command.Parameters.AddWithValue("$key", conversationKey);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var cards = new List<(string, Activity)>();
        while (await reader.ReadAsync(ct))
            cards.Add((reader.GetString(0), JsonSerializer.Deserialize<Activity>(reader.GetString(1), ProtocolJson.Options)!));
        return cards;
    }

    public Task CloseCardAsync(string conversationKey, string activityId, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM teams_open_cards WHERE conversation_key = $key AND activity_id = $id", conversationKey, null, ct, activityId);

    /// <summary>
    /// Deletes, in batches, references not refreshed since <paramref name="referencesBefore"/> and open cards sent before
    /// <paramref name="cardsBefore"/>, except those of conversations <paramref name="isProtected"/> keeps (by conversation
    /// id); returns how many of each went. Deletes are conditional on the time read, so a chat that came back meanwhile stays.
    /// </summary>
    public async Task<(int References, int Cards)> PruneAsync(DateTimeOffset referencesBefore, DateTimeOffset cardsBefore, Func<string, bool> isProtected,
        int batchSize, CancellationToken ct)
    {
        foreach (var (key, saved) in _lastSaved)
            if (saved.SavedAt < _time.GetUtcNow() - RefreshAfter) _lastSaved.TryRemove(KeyValuePair.Create(key, saved));
        var references = await PruneAsync("teams_conversations", "key", "updated_at", referencesBefore, isProtected, batchSize, ct);
        var cards = await PruneAsync("teams_open_cards", "conversation_key", "created_at", cardsBefore, isProtected, batchSize, ct);
        return (references, cards);
    }

    private async Task<int> PruneAsync(string table, string keyColumn, string timeColumn, DateTimeOffset before, Func<string, bool> isProtected,
        int batchSize, CancellationToken ct)
    {
        var deleted = 0;
        long after = 0;
        while (true)
        {
            var batch = new List<(long RowId, long Time)>();
            var read = 0;
            await using (var connection = _database.Open(forWriting: false))
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT rowid, {keyColumn}, {timeColumn} FROM {table} WHERE rowid > $after AND {timeColumn} < $before ORDER BY rowid LIMIT $limit";
                select.Parameters.AddWithValue("$after", after);
                select.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
                select.Parameters.AddWithValue("$limit", batchSize);
                await using var reader = await select.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    read++;
                    after = reader.GetInt64(0);
                    var key = reader.GetString(1);
                    if (!isProtected(key[(key.IndexOf('/') + 1)..])) batch.Add((after, reader.GetInt64(2)));
                }
            }
            if (read == 0) return deleted;
            if (batch.Count == 0) continue;
            await using var write = _database.Open();
            await using var transaction = write.BeginTransaction();
            await using var delete = write.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table} WHERE rowid = $rowid AND {timeColumn} = $time";
            var rowId = delete.Parameters.Add("$rowid", Microsoft.Data.Sqlite.SqliteType.Integer);
            var time = delete.Parameters.Add("$time", Microsoft.Data.Sqlite.SqliteType.Integer);
            foreach (var (id, at) in batch)
            {
                (rowId.Value, time.Value) = (id, at);
                deleted += await delete.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
    }

    private async Task ExecuteAsync(string sql, string key, string? value, CancellationToken ct, string? activityId = null)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        if (value is not null) command.Parameters.AddWithValue("$value", value);
        if (activityId is not null) command.Parameters.AddWithValue("$id", activityId);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }
}
