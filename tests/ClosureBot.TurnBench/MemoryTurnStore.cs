using System.Collections.Concurrent;
using ClosureBot.Storage;

namespace ClosureBot.TurnBench;

/// <summary>
/// The store the walked turns commit to: it keeps each conversation as the bot's own store does after a commit (the
/// state's JSON and, while the commit asks for it, the parsed state beside it), so a turn finds its conversation as it
/// would in the conversation cache; nothing reaches a database, so what is measured is the turn, not the disk.
/// </summary>
internal sealed class MemoryTurnStore : IBotStore
{
    private readonly ConcurrentDictionary<string, StoredConversation> _conversations = new();

    public int Commits;

    public Task<StoredConversation?> LoadConversationAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryGetValue(key, out var stored) ? stored : null);

    public Task<StoredProgress?> LoadProgressAsync(string userKey, CancellationToken cancellationToken) => Task.FromResult<StoredProgress?>(null);

    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        Commits++;
        if (commit.KeepCached)
            _conversations[commit.ConversationKey] = new StoredConversation(commit.ConversationKey, commit.NewETag, commit.State, commit.Parsed);
        else
            _conversations.TryRemove(commit.ConversationKey, out _);
        return Task.CompletedTask;
    }

    public void Evict(string conversationKey) => _conversations.TryRemove(conversationKey, out _);

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
