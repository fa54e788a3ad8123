using ClosureBot.Outbox;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage;

/// <summary>
/// The outbox in the app's SQLite database. Rows are inserted by the turn's commit; reads use pooled connections and
/// every other write is queued on the group committer, so it shares the flush of the turns committed with it.
/// </summary>
public sealed class SqliteOutboxStore(SqliteDatabase database, SqliteBotStore botStore) : IOutboxStore
{
    private const int PruneBatch = 500;
    private const string Columns = "conversation_key, activity_id, replies, reply_count, delivered, attempts, created_at, next_attempt_at";

    public async Task<OutboxRecord?> FindAsync(string conversationKey, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM outbox WHERE {OutboxStatements.MatchesTurn}";
        command.Parameters.AddWithValue("$key", conversationKey);
        command.Parameters.AddWithValue("$activity", activityId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<OutboxRecord>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open(forWriting: false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $now ORDER BY next_attempt_at LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxRecord>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(Read(reader));
        return rows;
    }

    public async Task<bool> ClaimAsync(OutboxRecord record, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        await botStore.WriteAsync(transaction => Execute(transaction, $"""
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $next
            WHERE {OutboxStatements.MatchesTurn} AND next_attempt_at = $seen
            """, ("$key", record.ConversationKey), ("$activity", record.ActivityId), ("$next", nextAttemptAt.ToUnixTimeMilliseconds()),
            ("$seen", record.NextAttemptAt?.ToUnixTimeMilliseconds())), cancellationToken) == 1;

    public Task MarkDeliveredAsync(string conversationKey, string activityId, int delivered, bool finished, CancellationToken cancellationToken) =>
        botStore.WriteAsync(transaction => Execute(transaction, $"""
            UPDATE outbox SET delivered = MAX(delivered, $delivered), next_attempt_at = CASE WHEN $finished THEN NULL ELSE next_attempt_at END
            WHERE {OutboxStatements.MatchesTurn}
            """, ("$key", conversationKey), ("$activity", activityId), ("$delivered", delivered), ("$finished", finished ? 1 : 0)), cancellationToken);

    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Rows are inserted in time order, so the oldest are at the front of the rowid order: delete from there in
        // small batches (no index on created_at to keep up on every insert; no long write lock).
        var total = 0;
        int deleted;
        do
        {
            deleted = await botStore.WriteAsync(transaction => Execute(transaction, """
                DELETE FROM outbox WHERE rowid IN (SELECT rowid FROM outbox ORDER BY rowid LIMIT $batch) AND created_at < $cutoff
                """, ("$batch", PruneBatch), ("$cutoff", cutoff.ToUnixTimeMilliseconds())), cancellationToken);
            total += deleted;
        }
        while (deleted == PruneBatch);
        return total;
    }

    private static int Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteNonQuery();
    }

    private static OutboxRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
}
