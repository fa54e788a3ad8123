using System.Collections.Concurrent;

namespace ClosureBot.Storage;

/// <summary>
/// Recently used conversations, so a turn usually needs no read. Safe with several app instances: a stale entry
/// only makes the commit's ETag check fail, and the turn is retried from the database.
/// </summary>
internal sealed class ConversationCache(int capacity)
{
    private readonly ConcurrentDictionary<string, StoredConversation> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out StoredConversation? value) => _entries.TryGetValue(key, out value);

    public void Set(StoredConversation value)
    {
        if (capacity == 0) return;
        // Coarse but allocation-free eviction: when full, start over. Only costs a re-read per conversation.
        if (_entries.Count >= capacity && !_entries.ContainsKey(value.Key)) _entries.Clear();
        _entries[value.Key] = value;
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);
}
