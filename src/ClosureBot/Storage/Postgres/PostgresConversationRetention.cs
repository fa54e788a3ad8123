using ClosureBot.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// Deletes old conversation state and old saved places in PostgreSQL, like the SQLite sweep: candidates a batch at a
/// time in key order, each batch deleted in one transaction, only where the row is still the one read (same ETag, same
/// save time). Several instances may sweep at once: a row another one deleted first is simply not counted here.
/// </summary>
internal sealed class PostgresConversationRetention(PostgresDatabase database, PostgresBotStore store, IOptions<RetentionOptions> options)
    : IRetentionSweep
{
    private readonly RetentionOptions _options = options.Value;

    public async Task SweepAsync(RetentionPass pass, CancellationToken cancellationToken)
    {
        await SweepConversationsAsync(pass, cancellationToken);
        await SweepSavedPlacesAsync(pass, cancellationToken);
    }

    private async Task SweepConversationsAsync(RetentionPass pass, CancellationToken ct)
    {
        // A stack's length is only read for rows old enough to matter; unreadable state counts as mid-dialog.
        const string find = """
            SELECT key, etag, COALESCE(closurebot_stack_length(state) = 0, false) FROM conversations
            WHERE key > $1 AND (updated_at < $2 OR (updated_at < $3 AND COALESCE(closurebot_stack_length(state) = 0, false)))
            ORDER BY key LIMIT $4
            """;
        var idle = pass.Now - _options.IdleConversations;
        var finished = pass.Now - _options.FinishedConversations;
        var after = "";
        while (true)
        {
            var batch = new List<(string Key, string ETag, bool Finished)>();
            var read = 0;
            await using (var connection = await database.OpenAsync(ct))
            await using (var command = PostgresDatabase.Command(connection, find, after, idle, finished, _options.BatchSize))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    read++;
                    after = reader.GetString(0);
                    if (!pass.IsProtected(after[(after.IndexOf('/') + 1)..])) batch.Add((after, reader.GetString(1), reader.GetBoolean(2)));
                }
            }
            if (read == 0) return;
            if (batch.Count == 0) continue;
            var deleted = await DeleteEachAsync("DELETE FROM conversations WHERE key = $1 AND etag = $2",
                batch.Select(b => new object[] { b.Key, b.ETag }).ToList(), ct);
            for (var i = 0; i < batch.Count; i++)
            {
                if (!deleted[i]) continue;
                store.Evict(batch[i].Key);
                pass.Count(batch[i].Finished ? "finishedConversations" : "idleConversations", 1);
            }
        }
    }

    private async Task SweepSavedPlacesAsync(RetentionPass pass, CancellationToken ct)
    {
        const string find = "SELECT user_key, conversation_id, saved_at FROM user_progress WHERE user_key > $1 AND saved_at < $2 ORDER BY user_key LIMIT $3";
        var cutoff = pass.Now - _options.SavedPlaces;
        var after = "";
        while (true)
        {
            var batch = new List<object[]>();
            var read = 0;
            await using (var connection = await database.OpenAsync(ct))
            await using (var command = PostgresDatabase.Command(connection, find, after, cutoff, _options.BatchSize))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    read++;
                    after = reader.GetString(0);
                    // The save time as the database holds it (microseconds), so the conditional delete compares like with like.
                    if (!pass.IsProtected(reader.GetString(1))) batch.Add([after, reader.GetFieldValue<DateTime>(2)]);
                }
            }
            if (read == 0) return;
            if (batch.Count == 0) continue;
            pass.Count("savedPlaces", (await DeleteEachAsync("DELETE FROM user_progress WHERE user_key = $1 AND saved_at = $2", batch, ct)).Count(d => d));
        }
    }

    // One transaction for the batch, the same prepared delete for each row; which rows it deleted.
    private async Task<bool[]> DeleteEachAsync(string sql, List<object[]> rows, CancellationToken ct)
    {
        var deleted = new bool[rows.Count];
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = PostgresDatabase.Command(connection, sql, rows[0]);
        await command.PrepareAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            for (var p = 0; p < rows[i].Length; p++) command.Parameters[p].Value = rows[i][p];
            deleted[i] = await command.ExecuteNonQueryAsync(ct) == 1;
        }
        await transaction.CommitAsync(ct);
        return deleted;
    }
}
