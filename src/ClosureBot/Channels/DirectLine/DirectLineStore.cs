using System.Security.Cryptography;
using ClosureBot.Storage;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Durable Direct Line data in the app's SQLite database: conversations, each conversation's activity log (the
/// user's activities and the bot's replies, in order) and the generated token-signing key.
/// </summary>
public sealed class DirectLineStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS directline_conversations (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL,
            user_name TEXT,
            locale TEXT,
            started INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS directline_activities (
            conversation_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (conversation_id, seq));
        CREATE TABLE IF NOT EXISTS directline_settings (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        """;

    private readonly SqliteDatabase _database;

    public DirectLineStore(SqliteDatabase database)
    {
        _database = database;
        _database.EnsureSchema(Schema);
    }

    /// <summary>The database holding these tables.</summary>
    public SqliteDatabase Database => _database;

    /// <summary>The token-signing key kept in the database, created on first use (the first instance to write wins).</summary>
    public byte[] GetOrCreateSigningKey()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO directline_settings (name, value) VALUES ('token-signing-key', $value);
            SELECT value FROM directline_settings WHERE name = 'token-signing-key';
            """;
        command.Parameters.AddWithValue("$value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return Convert.FromBase64String((string)command.ExecuteScalar()!);
    }

    public async Task CreateConversationAsync(DirectLineConversation conversation, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO directline_conversations (id, user_id, user_name, locale, started, created_at)
            VALUES ($id, $user, $name, $locale, 0, $created);
            """;
        command.Parameters.AddWithValue("$id", conversation.Id);
        command.Parameters.AddWithValue("$user", conversation.UserId);
        command.Parameters.AddWithValue("$name", (object?)conversation.UserName ?? DBNull.Value);
        command.Parameters.AddWithValue("$locale", (object?)conversation.Locale ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", conversation.CreatedAt.ToString("O"));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string id, CancellationToken ct)
    {
        await using var connection = _database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, user_id, user_name, locale, started, created_at FROM directline_conversations WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new DirectLineConversation(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4) != 0, DateTimeOffset.Parse(reader.GetString(5)));
    }

    /// <summary>
    /// Gives conversation <paramref name="id"/> to <paramref name="toUserId"/>, only if it still belongs to
    /// <paramref name="fromUserId"/>; true when it did.
    /// </summary>
    public async Task<bool> HandOverAsync(string id, string fromUserId, string toUserId, string? toUserName, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_conversations SET user_id = $to, user_name = $name WHERE id = $id AND user_id = $from;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$from", fromUserId);
        command.Parameters.AddWithValue("$to", toUserId);
        command.Parameters.AddWithValue("$name", (object?)toUserName ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Marks the conversation started; true only for the one caller that started it.</summary>
    public async Task<bool> TryMarkStartedAsync(string id, string? locale, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_conversations SET started = 1, locale = COALESCE($locale, locale) WHERE id = $id AND started = 0;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$locale", (object?)locale ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<long> LastSequenceAsync(string conversationId, CancellationToken ct)
    {
        await using var connection = _database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM directline_activities WHERE conversation_id = $id;";
        command.Parameters.AddWithValue("$id", conversationId);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task AppendActivityAsync(string conversationId, long sequence, string json, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO directline_activities (conversation_id, seq, json) VALUES ($id, $seq, $json);";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$json", json);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Removes one activity from the transcript (a user's activity whose turn failed).</summary>
    public async Task DeleteActivityAsync(string conversationId, long sequence, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM directline_activities WHERE conversation_id = $id AND seq = $seq;";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$seq", sequence);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The conversation's activities after <paramref name="afterSequence"/>, oldest first, as stored JSON.</summary>
    public async Task<IReadOnlyList<(long Sequence, string Json)>> ReadActivitiesAsync(string conversationId, long afterSequence, int limit,
        CancellationToken ct)
    {
        await using var connection = _database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, json FROM directline_activities WHERE conversation_id = $id AND seq > $after ORDER BY seq LIMIT $limit;";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetInt64(0), reader.GetString(1)));
        return rows;
    }
}
