using System.Security.Cryptography;
using ClosureBot.Channels.DirectLine;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// Direct Line data in PostgreSQL, shared by every instance: a conversation's activities are numbered by its counter
/// row, incremented in the transaction that inserts the activity, so two instances never hand out one number twice and
/// numbers become visible in order (the counter's row lock is held until the activity is committed). The token-signing
/// key lives in the database too, so a token issued by one instance is accepted by the others. Each append notifies the
/// other instances (<see cref="PostgresDirectLineListener"/>), so a stream connected to any of them gets it.
/// </summary>
public sealed class PostgresDirectLineStore(PostgresDatabase database) : IDirectLineStore
{
    public byte[] GetOrCreateSigningKey()
    {
        using var connection = database.OpenSynchronous();
        using var command = PostgresDatabase.Command(connection, """
            WITH created AS (
                INSERT INTO directline_settings (name, value) VALUES ('token-signing-key', $1) ON CONFLICT (name) DO NOTHING RETURNING value)
            SELECT value FROM created UNION ALL SELECT value FROM directline_settings WHERE name = 'token-signing-key' LIMIT 1
            """, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return Convert.FromBase64String((string)command.ExecuteScalar()!);
    }

    public Task CreateConversationAsync(DirectLineConversation conversation, CancellationToken ct) => ExecuteAsync("""
        INSERT INTO directline_conversations (id, user_id, user_name, locale, started, created_at) VALUES ($1, $2, $3, $4, false, $5)
        """, ct, conversation.Id, conversation.UserId, conversation.UserName, conversation.Locale, conversation.CreatedAt);

    public async Task<DirectLineConversation?> FindConversationAsync(string id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT id, user_id, user_name, locale, started, created_at FROM directline_conversations WHERE id = $1", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new DirectLineConversation(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(4), reader.GetFieldValue<DateTimeOffset>(5));
    }

    public async Task<bool> HandOverAsync(string id, string fromUserId, string toUserId, string? toUserName, CancellationToken ct) =>
        await ExecuteAsync("UPDATE directline_conversations SET user_id = $3, user_name = $4 WHERE id = $1 AND user_id = $2",
            ct, id, fromUserId, toUserId, toUserName) == 1;

    public async Task<bool> TryMarkStartedAsync(string id, string? locale, CancellationToken ct) =>
        await ExecuteAsync("UPDATE directline_conversations SET started = true, locale = COALESCE($2, locale) WHERE id = $1 AND NOT started",
            ct, id, locale) == 1;

    public async Task<long> AppendActivitiesAsync(string conversationId, int count, Func<int, long, string> render, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var next = PostgresDatabase.Command(connection, """
            INSERT INTO directline_sequences (conversation_id, last_seq) VALUES ($1, $2)
            ON CONFLICT (conversation_id) DO UPDATE SET last_seq = directline_sequences.last_seq + $2
            RETURNING last_seq
            """, conversationId, (long)count);
        var last = (long)(await next.ExecuteScalarAsync(ct))!;
        var first = last - count + 1;
        for (var i = 0; i < count; i++)
        {
            await using var insert = PostgresDatabase.Command(connection,
                "INSERT INTO directline_activities (conversation_id, seq, json) VALUES ($1, $2, $3)", conversationId, first + i, render(i, first + i));
            await insert.ExecuteNonQueryAsync(ct);
        }
        // Delivered to every listening instance when (and only if) the activities commit; the last number is enough, as
        // a stream reads whatever it lacks up to it from the store.
        await using var notify = PostgresDatabase.Command(connection, "SELECT pg_notify($1, $2)", PostgresDirectLineListener.Channel,
            PostgresDirectLineListener.Payload(database.InstanceId, last, conversationId));
        await notify.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return first;
    }

    public async Task<long> LastSequenceAsync(string conversationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT COALESCE(MAX(seq), 0) FROM directline_activities WHERE conversation_id = $1", conversationId);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public Task DeleteActivityAsync(string conversationId, long sequence, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM directline_activities WHERE conversation_id = $1 AND seq = $2", ct, conversationId, sequence);

    public async Task<IReadOnlyList<(long Sequence, string Json)>> ReadActivitiesAsync(string conversationId, long afterSequence, int limit,
        CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT seq, json FROM directline_activities WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            conversationId, afterSequence, limit);
        var rows = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetInt64(0), reader.GetString(1)));
        return rows;
    }

    public async Task<IReadOnlyList<TranscriptCandidate>> FindTranscriptsCreatedBeforeAsync(DateTimeOffset cutoff, long after, int limit,
        CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection, """
            SELECT c.row_id, c.id, a.seq, a.json::jsonb ->> 'timestamp'
            FROM directline_conversations c
            LEFT JOIN LATERAL (SELECT seq, json FROM directline_activities WHERE conversation_id = c.id ORDER BY seq DESC LIMIT 1) a ON true
            WHERE c.row_id > $1 AND c.created_at < $2 ORDER BY c.row_id LIMIT $3
            """, after, cutoff, limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<TranscriptCandidate>();
        while (await reader.ReadAsync(ct))
            rows.Add(new TranscriptCandidate(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        return rows;
    }

    public async Task<(IReadOnlyList<string> Deleted, int Activities)> DeleteTranscriptsAsync(IReadOnlyList<(string Id, long LastSequence)> batch,
        CancellationToken ct)
    {
        var deleted = new List<string>();
        var activities = 0;
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The counter row first: an append in flight on another instance holds it, so the check below sees its activity.
        await using var hold = PostgresDatabase.Command(connection, "SELECT 1 FROM directline_sequences WHERE conversation_id = $1 FOR UPDATE", "");
        await using var conversation = PostgresDatabase.Command(connection, """
            DELETE FROM directline_conversations WHERE id = $1
                AND (SELECT COALESCE(MAX(seq), 0) FROM directline_activities WHERE conversation_id = $1) = $2
            """, "", 0L);
        await using var rows = PostgresDatabase.Command(connection, "DELETE FROM directline_activities WHERE conversation_id = $1", "");
        await using var counter = PostgresDatabase.Command(connection, "DELETE FROM directline_sequences WHERE conversation_id = $1", "");
        foreach (var (id, last) in batch)
        {
            hold.Parameters[0].Value = id;
            await hold.ExecuteNonQueryAsync(ct);
            conversation.Parameters[0].Value = id;
            conversation.Parameters[1].Value = last;
            if (await conversation.ExecuteNonQueryAsync(ct) != 1) continue;
            rows.Parameters[0].Value = id;
            activities += await rows.ExecuteNonQueryAsync(ct);
            counter.Parameters[0].Value = id;
            await counter.ExecuteNonQueryAsync(ct);
            deleted.Add(id);
        }
        await transaction.CommitAsync(ct);
        return (deleted, activities);
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] values)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection, sql, values);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
