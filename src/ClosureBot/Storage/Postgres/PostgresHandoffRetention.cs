using ClosureBot.Retention;
using Microsoft.Extensions.Options;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// Deletes support tickets that ended more than <see cref="RetentionOptions.EndedHandoffs"/> ago, with their lines, a
/// batch per statement. Rows are taken with <c>FOR UPDATE SKIP LOCKED</c>: instances sweeping at once take different
/// tickets, so each is deleted, and counted, once. Open tickets are never touched (an ended ticket stays ended).
/// </summary>
internal sealed class PostgresHandoffRetention(PostgresDatabase database, IOptions<RetentionOptions> options) : IRetentionSweep
{
    private const string Delete = """
        WITH doomed AS (
            SELECT id FROM handoff_tickets WHERE status = 'Ended' AND updated_at < $1 ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED),
        lines AS (DELETE FROM handoff_messages WHERE ticket_id IN (SELECT id FROM doomed))
        DELETE FROM handoff_tickets WHERE id IN (SELECT id FROM doomed)
        """;

    public async Task SweepAsync(RetentionPass pass, CancellationToken cancellationToken)
    {
        var cutoff = pass.Now - options.Value.EndedHandoffs;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = PostgresDatabase.Command(connection, Delete, cutoff, options.Value.BatchSize);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            if (deleted == 0) return;
            pass.Count("endedHandoffs", deleted);
        }
    }
}
