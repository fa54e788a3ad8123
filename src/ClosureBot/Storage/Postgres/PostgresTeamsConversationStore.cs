using System.Collections.Concurrent;
using System.Text.Json;
using ClosureBot.Channels.Teams;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Storage.Postgres;

/// <summary>The Teams conversation references and open cards (see <see cref="ITeamsConversationStore"/>) in PostgreSQL.</summary>
public sealed class PostgresTeamsConversationStore(PostgresDatabase database, TimeProvider time) : ITeamsConversationStore
{
    // The reference rarely changes; writing it only when it does spares every turn a write.
    private readonly ConcurrentDictionary<string, string> _lastSaved = new(StringComparer.Ordinal);

    public async Task SaveReferenceAsync(string conversationKey, ConversationReference reference, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(reference, ProtocolJson.Options);
        if (_lastSaved.TryGetValue(conversationKey, out var last) && last == json) return;
        await ExecuteAsync("""
            INSERT INTO teams_conversations (key, reference, updated_at) VALUES ($1, $2, $3)
            ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at
            """, ct, conversationKey, json, Now());
        _lastSaved[conversationKey] = json;
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

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task ExecuteAsync(string sql, CancellationToken ct, params object?[] values)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection, sql, values);
        await command.ExecuteNonQueryAsync(ct);
    }
}
