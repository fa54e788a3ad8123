using ClosureBot.Outbox;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// The outbox in PostgreSQL. Rows are inserted by the turn's commit; bookkeeping writes ride this instance's group
/// commit. A claim is one conditional update (<c>WHERE next_attempt_at = seen</c>): when two instances claim a row at
/// once, the second waits for the first's row lock, re-reads the row, no longer matches and is told it lost.
/// </summary>
public sealed class PostgresOutboxStore(PostgresDatabase database, PostgresBotStore botStore) : IOutboxStore
{
    private const int PruneBatch = 500;
    private const string Columns = "conversation_key, activity_id, replies, reply_count, delivered, attempts, created_at, next_attempt_at";

    public async Task<OutboxRecord?> FindAsync(string conversationKey, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            $"SELECT {Columns} FROM outbox WHERE conversation_key = $1 AND activity_id = $2", conversationKey, activityId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<OutboxRecord>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, $"""
            SELECT {Columns} FROM outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2
            """, now.ToUnixTimeMilliseconds(), limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxRecord>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(Read(reader));
        return rows;
    }

    public async Task<bool> ClaimAsync(OutboxRecord record, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        record.NextAttemptAt is { } seen && await botStore.WriteAsync(connection => ExecuteAsync(connection, """
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $3
            WHERE conversation_key = $1 AND activity_id = $2 AND next_attempt_at = $4
            """, record.ConversationKey, record.ActivityId, nextAttemptAt.ToUnixTimeMilliseconds(), seen.ToUnixTimeMilliseconds()),
            cancellationToken) == 1;

    public Task MarkDeliveredAsync(string conversationKey, string activityId, int delivered, bool finished, CancellationToken cancellationToken) =>
        botStore.WriteAsync(connection => ExecuteAsync(connection, """
            UPDATE outbox SET delivered = GREATEST(delivered, $3), next_attempt_at = CASE WHEN $4 THEN NULL ELSE next_attempt_at END
            WHERE conversation_key = $1 AND activity_id = $2
            """, conversationKey, activityId, delivered, finished), cancellationToken);

    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Oldest first through the age index, in small batches; rows another instance deleted meanwhile are simply gone.
        var total = 0;
        int deleted;
        do
        {
            deleted = await botStore.WriteAsync(connection => ExecuteAsync(connection, """
                DELETE FROM outbox WHERE ctid IN (SELECT ctid FROM outbox WHERE created_at < $1 ORDER BY created_at LIMIT $2)
                """, cutoff.ToUnixTimeMilliseconds(), PruneBatch), cancellationToken);
            total += deleted;
        }
        while (deleted == PruneBatch);
        return total;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params object?[] values)
    {
        await using var command = PostgresDatabase.Command(connection, sql, values);
        return await command.ExecuteNonQueryAsync();
    }

    private static OutboxRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
}
