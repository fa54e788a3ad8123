namespace ClosureBot.Storage;

/// <summary>The bot's durable store. Every write of a turn goes through <see cref="CommitAsync"/> in one transaction.</summary>
public interface IBotStore
{
    Task<StoredConversation?> LoadConversationAsync(string key, CancellationToken cancellationToken);

    Task<StoredProgress?> LoadProgressAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Writes the turn durably; throws <see cref="ConcurrencyConflictException"/> when it lost a race.</summary>
    Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken);

    /// <summary>Forgets any cached copy of a conversation (after a conflict).</summary>
    void Evict(string conversationKey);

    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}
