namespace ClosureBot.Outbox;

/// <summary>
/// Where the outbox rows live. Rows are inserted by the turn's own commit (<see cref="OutboxEntry"/> on the commit);
/// the writes here ride the store's group commit too, so they add no flush of their own.
/// </summary>
public interface IOutboxStore
{
    Task<OutboxRecord?> FindAsync(string conversationKey, string activityId, CancellationToken cancellationToken);

    /// <summary>Rows with replies left to deliver whose retry time has come, oldest first.</summary>
    Task<IReadOnlyList<OutboxRecord>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a due row for one attempt: counts the attempt and moves its retry time to <paramref name="nextAttemptAt"/>
    /// (the retry if this attempt dies with the process). False when another instance took it first.
    /// </summary>
    Task<bool> ClaimAsync(OutboxRecord record, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Records that the first <paramref name="delivered"/> replies reached the channel; <paramref name="finished"/> ends retrying.</summary>
    Task MarkDeliveredAsync(string conversationKey, string activityId, int delivered, bool finished, CancellationToken cancellationToken);

    /// <summary>Deletes rows created before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
