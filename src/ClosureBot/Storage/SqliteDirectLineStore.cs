using System.Security.Cryptography;
using ClosureBot.Channels.DirectLine;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage;

/// <summary>
/// Durable Direct Line data in the app's SQLite database: conversations, each conversation's activity log (the
/// user's activities and the bot's replies, in order, numbered by a counter row per conversation) and the generated
/// token-signing key.
/// </summary>
public sealed class SqliteDirectLineStore : IDirectLineStore
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
        CREATE TABLE IF NOT EXISTS directline_sequences (
            conversation_id TEXT PRIMARY KEY,
            last_seq INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS directline_settings (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteBotStore _writer;

    public SqliteDirectLineStore(SqliteDatabase database, SqliteBotStore writer)
    {
        _database = database;
        _writer = writer;
        _database.EnsureSchema(Schema);
    }

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

    public async Task<bool> TryMarkStartedAsync(string id, string? locale, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_conversations SET started = 1, locale = COALESCE($locale, locale) WHERE id = $id AND started = 0;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$locale", (object?)locale ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Appends in the next group commit, beside the turns' commits (<see cref="SqliteBotStore.WriteAsync"/>): one flush
    /// for all of them, and no second connection contending for SQLite's write lock. The single writer numbers the
    /// activities of a conversation in the order their appends reach it.
    /// </summary>
    public async Task<long> AppendActivitiesAsync(string conversationId, int count, Func<int, long, string> render, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        long first = 0;
        await _writer.WriteAsync(transaction =>
        {
            using var next = transaction.Connection!.CreateCommand();
            next.Transaction = transaction;
            // A transcript from before the counter table starts after its highest stored number.
            next.CommandText = """
                INSERT INTO directline_sequences (conversation_id, last_seq)
                VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + $count FROM directline_activities WHERE conversation_id = $id))
                ON CONFLICT (conversation_id) DO UPDATE SET last_seq = last_seq + $count
                RETURNING last_seq;
                """;
            next.Parameters.AddWithValue("$id", conversationId);
            next.Parameters.AddWithValue("$count", count);
            var start = (long)next.ExecuteScalar()! - count + 1;
            using var insert = transaction.Connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO directline_activities (conversation_id, seq, json) VALUES ($id, $seq, $json);";
            insert.Parameters.AddWithValue("$id", conversationId);
            var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            var json = insert.Parameters.Add("$json", SqliteType.Text);
            for (var i = 0; i < count; i++)
            {
                seq.Value = start + i;
                json.Value = render(i, start + i);
                insert.ExecuteNonQuery();
            }
            first = start;
            return count;
        }, ct);
        return first;
    }

    public async Task<long> LastSequenceAsync(string conversationId, CancellationToken ct)
    {
        await using var connection = _database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM directline_activities WHERE conversation_id = $id;";
        command.Parameters.AddWithValue("$id", conversationId);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task DeleteActivityAsync(string conversationId, long sequence, CancellationToken ct)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM directline_activities WHERE conversation_id = $id AND seq = $seq;";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$seq", sequence);
        await command.ExecuteNonQueryAsync(ct);
    }

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

    public async Task<IReadOnlyList<TranscriptCandidate>> FindTranscriptsCreatedBeforeAsync(DateTimeOffset cutoff, long after, int limit,
        CancellationToken ct)
    {
        await using var connection = _database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.rowid, c.id, a.seq, json_extract(a.json, '$.timestamp')
            FROM directline_conversations c
            LEFT JOIN directline_activities a ON a.conversation_id = c.id
                AND a.seq = (SELECT MAX(seq) FROM directline_activities WHERE conversation_id = c.id)
            WHERE c.rowid > $after AND c.created_at < $cutoff ORDER BY c.rowid LIMIT $limit
            """;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUniversalTime().ToString("O"));
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<TranscriptCandidate>();
        while (await reader.ReadAsync(ct))
            rows.Add(new TranscriptCandidate(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetValue(3) as string));
        return rows;
    }

    public async Task<(IReadOnlyList<string> Deleted, int Activities)> DeleteTranscriptsAsync(IReadOnlyList<(string Id, long LastSequence)> batch,
        CancellationToken ct)
    {
        var activities = 0;
        var deleted = new List<string>();
        await using var connection = _database.Open();
        // IMMEDIATE: wait (busy timeout) for the write lock up front rather than fail when another writer got in first.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var conversation = connection.CreateCommand();
        conversation.Transaction = transaction;
        conversation.CommandText = """
            DELETE FROM directline_conversations WHERE id = $id
                AND (SELECT COALESCE(MAX(seq), 0) FROM directline_activities WHERE conversation_id = $id) = $last
            """;
        conversation.Parameters.AddWithValue("$id", "");
        conversation.Parameters.AddWithValue("$last", 0L);
        await using var rows = connection.CreateCommand();
        rows.Transaction = transaction;
        rows.CommandText = "DELETE FROM directline_activities WHERE conversation_id = $id";
        rows.Parameters.AddWithValue("$id", "");
        await using var counter = connection.CreateCommand();
        counter.Transaction = transaction;
        counter.CommandText = "DELETE FROM directline_sequences WHERE conversation_id = $id";
        counter.Parameters.AddWithValue("$id", "");
        foreach (var (id, last) in batch)
        {
            conversation.Parameters["$id"].Value = id;
            conversation.Parameters["$last"].Value = last;
            if (await conversation.ExecuteNonQueryAsync(ct) != 1) continue;
            rows.Parameters["$id"].Value = id;
            activities += await rows.ExecuteNonQueryAsync(ct);
            counter.Parameters["$id"].Value = id;
            await counter.ExecuteNonQueryAsync(ct);
            deleted.Add(id);
        }
        await transaction.CommitAsync(ct);
        return (deleted, activities);
    }
}
