using System.Collections.Concurrent;
using System.Text.Json;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Channels.Teams;

namespace ClosureBot.Storage;

/// <summary>The Teams conversation references and open cards (see <see cref="ITeamsConversationStore"/>) in the app's SQLite database.</summary>
public sealed class SqliteTeamsConversationStore : ITeamsConversationStore
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
    // The reference rarely changes; writing it only when it does spares every turn a write.
    private readonly ConcurrentDictionary<string, string> _lastSaved = new(StringComparer.Ordinal);

    public SqliteTeamsConversationStore(SqliteDatabase database, TimeProvider time)
    {
        (_database, _time) = (database, time);
        database.EnsureSchema(Schema);
    }

    public async Task SaveReferenceAsync(string conversationKey, ConversationReference reference, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(reference, ProtocolJson.Options);
        if (_lastSaved.TryGetValue(conversationKey, out var last) && last == json) return;
        await ExecuteAsync("""
            INSERT INTO teams_conversations (key, reference, updated_at) VALUES ($key, $value, $now)
            ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at
            """, conversationKey, json, ct);
        _lastSaved[conversationKey] = json;
    }

    public async Task<ConversationReference?> FindReferenceAsync(string conversationKey, CancellationToken ct)
    {
        await using var connection = _database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference FROM teams_conversations WHERE key = $key";
        command.Parameters.AddWithValue("$key", conversationKey);
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<ConversationReference>(json, ProtocolJson.Options) : null;
    }

    public Task AddOpenCardAsync(string conversationKey, string activityId, Activity sent, CancellationToken ct) =>
        ExecuteAsync("INSERT OR REPLACE INTO teams_open_cards (conversation_key, activity_id, activity, created_at) VALUES ($key, $id, $value, $now)",
            conversationKey, JsonSerializer.Serialize(sent, ProtocolJson.Options), ct, activityId);

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
