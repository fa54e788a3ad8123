using System.Globalization;
using ClosureBot.Retention;
using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Deletes web chat transcripts (a <see cref="DirectLineStore"/> conversation and its activities) whose last activity
/// is older than <see cref="RetentionOptions.Transcripts"/>, and drops in-memory state of idle conversations. A
/// transcript goes in a short transaction of its own batch, only if no activity was added since it was read; one with
/// an open closure request, or with a stream connected here, is kept. A client coming back to a deleted conversation
/// is told it is unknown (404) and the chat page starts a new one.
/// </summary>
internal sealed class DirectLineTranscriptRetention(DirectLineStore store, DirectLineActivityLog log,
    IOptions<RetentionOptions> options) : IRetentionSweep
{
    private readonly RetentionOptions _options = options.Value;

    public async Task SweepAsync(RetentionPass pass, CancellationToken cancellationToken)
    {
        var cutoff = pass.Now - _options.Transcripts;
        long after = 0;
        while (true)
        {
            var (read, batch) = await FindAsync(cutoff, after, pass, cancellationToken);
            if (read.Count == 0) break;
            after = read[^1];
            if (batch.Count == 0) continue;
            var (conversations, activities) = await DeleteAsync(batch, cancellationToken);
            pass.Count("transcripts", conversations);
            pass.Count("transcriptActivities", activities);
        }
        pass.Count("webChatMemoryEntries", log.TrimIdle(pass.Now - _options.InMemoryIdle));
    }

    /// <summary>The next batch of conversations created before the cutoff (rowids read), and those whose last activity is old too.</summary>
    private async Task<(List<long> Read, List<(string Id, long LastSequence)> Old)> FindAsync(DateTimeOffset cutoff, long after, RetentionPass pass,
        CancellationToken ct)
    {
        var read = new List<long>();
        var old = new List<(string, long)>();
        await using var connection = store.Database.Open(forWriting: false);
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
        command.Parameters.AddWithValue("$limit", _options.BatchSize);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            read.Add(reader.GetInt64(0));
            var id = reader.GetString(1);
            var lastSequence = reader.IsDBNull(2) ? 0 : reader.GetInt64(2);
            // The conversation's own creation time stands for an empty transcript; an unreadable time counts as recent.
            var lastActivity = reader.IsDBNull(2) ? cutoff.AddTicks(-1)
                : DateTimeOffset.TryParse(reader.GetValue(3) as string, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : cutoff;
            if (lastActivity < cutoff && !log.HasSubscribers(id) && !pass.IsProtected(id)) old.Add((id, lastSequence));
        }
        return (read, old);
    }

    private async Task<(int Conversations, int Activities)> DeleteAsync(List<(string Id, long LastSequence)> batch, CancellationToken ct)
    {
        var conversations = 0;
        var activities = 0;
        var deleted = new List<string>();
        await using (var connection = store.Database.Open())
        // IMMEDIATE: wait (busy timeout) for the write lock up front rather than fail when another writer got in first.
        await using (var transaction = connection.BeginTransaction(deferred: false))
        {
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
            foreach (var (id, last) in batch)
            {
                conversation.Parameters["$id"].Value = id;
                conversation.Parameters["$last"].Value = last;
                if (await conversation.ExecuteNonQueryAsync(ct) != 1) continue;
                rows.Parameters["$id"].Value = id;
                activities += await rows.ExecuteNonQueryAsync(ct);
                conversations++;
                deleted.Add(id);
            }
            await transaction.CommitAsync(ct);
        }
        foreach (var id in deleted) log.Forget(id);
        return (conversations, activities);
    }
}
