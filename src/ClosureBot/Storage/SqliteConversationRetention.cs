using System.Runtime.CompilerServices;
using ClosureBot.Retention;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ClosureBot.Storage;

/// <summary>
/// Deletes old conversation state (finished after <see cref="RetentionOptions.FinishedConversations"/>, left mid-dialog
/// after <see cref="RetentionOptions.IdleConversations"/>) and old saved places. Candidates are found with a read
/// connection, a batch at a time in rowid order; each batch is deleted through the group committer (the one writer),
/// only where the row is still the one read (same ETag, same save time), so a turn that came in meanwhile wins.
/// </summary>
internal sealed class SqliteConversationRetention(SqliteDatabase database, SqliteBotStore store, IOptions<RetentionOptions> options)
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
        // Times are stored as round-trip UTC text of one fixed width, so text order is time order. A stack's length is
        // only read for rows old enough to matter; unreadable state, or state without a stack, counts as mid-dialog.
        const string find = """
            SELECT rowid, key, etag, CASE WHEN json_valid(state) THEN coalesce(json_array_length(state, '$.dialog.stack') = 0, 0) ELSE 0 END
            FROM conversations
            WHERE rowid > $after AND CASE
                WHEN updated_at < $idle THEN 1
                WHEN updated_at >= $finished THEN 0
                WHEN json_valid(state) THEN json_array_length(state, '$.dialog.stack') = 0
                ELSE 0 END
            ORDER BY rowid LIMIT $limit
            """;
        var parameters = new Dictionary<string, object>
        {
            ["$idle"] = Cutoff(pass.Now - _options.IdleConversations),
            ["$finished"] = Cutoff(pass.Now - _options.FinishedConversations),
        };
        await foreach (var batch in CandidatesAsync(find, parameters, reader =>
                       {
                           var key = reader.GetString(1);
                           return pass.IsProtected(key[(key.IndexOf('/') + 1)..])
                               ? ((string Key, string ETag, bool Finished)?)null
                               : (key, reader.GetString(2), reader.GetInt64(3) != 0);
                       }, ct))
        {
            var deleted = new bool[batch.Count];
            await store.WriteAsync(transaction =>
            {
                using var delete = Command(transaction, "DELETE FROM conversations WHERE key = $key AND etag = $etag RETURNING rowid", "$key", "$etag");
                // The outbox rows go with their conversation: they are found through its rowid, which no longer exists.
                using var replies = Command(transaction, "DELETE FROM outbox WHERE conversation_rowid = $rowid AND conversation_key = $key",
                    "$rowid", "$key");
                for (var i = 0; i < batch.Count; i++)
                {
                    delete.Parameters["$key"].Value = batch[i].Key;
                    delete.Parameters["$etag"].Value = batch[i].ETag;
                    if (delete.ExecuteScalar() is not long rowid) continue;
                    deleted[i] = true;
                    replies.Parameters["$rowid"].Value = rowid;
                    replies.Parameters["$key"].Value = batch[i].Key;
                    replies.ExecuteNonQuery();
                }
                return 0;
            }, ct);
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
        const string find = """
            SELECT rowid, user_key, conversation_id, saved_at FROM user_progress
            WHERE rowid > $after AND saved_at < $cutoff ORDER BY rowid LIMIT $limit
            """;
        var parameters = new Dictionary<string, object> { ["$cutoff"] = Cutoff(pass.Now - _options.SavedPlaces) };
        await foreach (var batch in CandidatesAsync(find, parameters, reader =>
                           pass.IsProtected(reader.GetString(2)) ? ((string UserKey, string SavedAt)?)null : (reader.GetString(1), reader.GetString(3)), ct))
        {
            pass.Count("savedPlaces", await store.WriteAsync(transaction =>
            {
                using var delete = Command(transaction, "DELETE FROM user_progress WHERE user_key = $key AND saved_at = $saved", "$key", "$saved");
                var count = 0;
                foreach (var (userKey, savedAt) in batch)
                {
                    delete.Parameters["$key"].Value = userKey;
                    delete.Parameters["$saved"].Value = savedAt;
                    count += delete.ExecuteNonQuery();
                }
                return count;
            }, ct));
        }
    }

    // Candidates a batch at a time in rowid order (the query's first column), on a read connection held only while one
    // batch is read; `pick` drops a row by returning null. Ends when a batch reads no row at all.
    private async IAsyncEnumerable<List<T>> CandidatesAsync<T>(string sql, IReadOnlyDictionary<string, object> parameters,
        Func<SqliteDataReader, T?> pick, [EnumeratorCancellation] CancellationToken ct) where T : struct
    {
        long after = 0;
        while (true)
        {
            var batch = new List<T>();
            var read = 0;
            await using (var connection = database.Open(forWriting: false))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = sql;
                foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
                command.Parameters.AddWithValue("$after", after);
                command.Parameters.AddWithValue("$limit", _options.BatchSize);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    read++;
                    after = reader.GetInt64(0);
                    if (pick(reader) is { } item) batch.Add(item);
                }
            }
            if (read == 0) yield break;
            if (batch.Count > 0) yield return batch;
        }
    }

    private static string Cutoff(DateTimeOffset time) => time.ToUniversalTime().ToString("O");

    private static SqliteCommand Command(SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }
}
