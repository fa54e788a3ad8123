using ClosureBot.Retention;
using Microsoft.Extensions.Options;

namespace ClosureBot.Storage;

/// <summary>
/// Deletes support tickets that ended more than <see cref="RetentionOptions.EndedHandoffs"/> ago, with their lines, a
/// batch per write transaction (SQLite has one writer, so the batch read in it is the batch deleted). Open tickets are
/// never touched (an ended ticket stays ended).
/// </summary>
internal sealed class SqliteHandoffRetention(SqliteBotStore store, IOptions<RetentionOptions> options) : IRetentionSweep
{
    private const string Doomed = "SELECT id FROM handoff_tickets WHERE status = 'Ended' AND updated_at < $cutoff ORDER BY updated_at LIMIT $limit";

    public Task SweepAsync(RetentionPass pass, CancellationToken cancellationToken)
    {
        var cutoff = (pass.Now - options.Value.EndedHandoffs).ToUniversalTime().ToString("O");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = store.Database.Open();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                DELETE FROM handoff_messages WHERE ticket_id IN ({Doomed});
                DELETE FROM handoff_tickets WHERE id IN ({Doomed});
                """;
            command.Parameters.AddWithValue("$cutoff", cutoff);
            command.Parameters.AddWithValue("$limit", options.Value.BatchSize);
            command.ExecuteNonQuery();
            using var changed = connection.CreateCommand();
            changed.Transaction = transaction;
            changed.CommandText = "SELECT changes()";
            var deleted = (long)changed.ExecuteScalar()!;
            transaction.Commit();
            if (deleted == 0) return Task.CompletedTask;
            pass.Count("endedHandoffs", (int)deleted);
        }
    }
}
