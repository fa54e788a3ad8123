using System.Collections.Concurrent;

namespace ClosureBot.Storage;

/// <summary>
/// Recently used conversations, so a turn usually needs no read. Bounded in bytes, not in entries: a conversation's
/// state grows with its dialog, and thousands of customers who walked half-way and left must not grow the process.
/// Two generations approximate least-recently-used at no cost per hit: entries go into the young generation; when it
/// holds half the budget it becomes the old one and the previous old one is dropped; a hit in the old generation moves
/// the entry back to the young one. Safe with several app instances: a stale entry only makes the commit's ETag check
/// fail, and the turn is retried from the database.
/// </summary>
internal sealed class ConversationCache(long budgetBytes)
{
    // What an entry costs beyond its state bytes: the key string, the record, the dictionary node.
    private const int EntryOverhead = 160;
    // The parsed object graph of a state is a few times the size of its UTF-8 JSON.
    private const int ParsedFactor = 3;

    private readonly Lock _rotation = new();
    private Generation _young = new();
    private Generation _old = new();

    /// <summary>The bytes the entries are estimated to hold now (both generations).</summary>
    public long EstimatedBytes => Volatile.Read(ref _young).Bytes + Volatile.Read(ref _old).Bytes;

    public bool TryGet(string key, out StoredConversation? value)
    {
        var young = Volatile.Read(ref _young);
        if (young.Entries.TryGetValue(key, out value)) return true;
        var old = Volatile.Read(ref _old);
        if (!old.Entries.TryRemove(key, out value)) return false;
        old.Add(-SizeOf(value));
        Set(value);
        return true;
    }

    public void Set(StoredConversation value)
    {
        var size = SizeOf(value);
        // An entry larger than a generation would only push everything else out.
        if (size * 2 > budgetBytes) return;
        var young = Volatile.Read(ref _young);
        var replaced = false;
        young.Entries.AddOrUpdate(value.Key, value, (_, previous) =>
        {
            replaced = true;
            young.Add(-SizeOf(previous));
            return value;
        });
        // The old generation may still hold an older copy; it must never be found after this one.
        if (!replaced && Volatile.Read(ref _old).Entries.TryRemove(value.Key, out var older)) _old.Add(-SizeOf(older));
        if (young.Add(size) * 2 > budgetBytes) Rotate(young);
    }

    public void Remove(string key)
    {
        lock (_rotation)
        {
            if (_young.Entries.TryRemove(key, out var y)) _young.Add(-SizeOf(y));
            if (_old.Entries.TryRemove(key, out var o)) _old.Add(-SizeOf(o));
        }
    }

    private void Rotate(Generation full)
    {
        lock (_rotation)
        {
            if (!ReferenceEquals(_young, full)) return;
            Volatile.Write(ref _old, full);
            Volatile.Write(ref _young, new Generation());
        }
    }

    private static long SizeOf(StoredConversation value) =>
        EntryOverhead + value.Key.Length * 2 + value.ETag.Length * 2 + value.State.Length * (value.Parsed is null ? 1 : 1 + ParsedFactor);

    private sealed class Generation
    {
        private long _bytes;
        public ConcurrentDictionary<string, StoredConversation> Entries { get; } = new(StringComparer.Ordinal);
        public long Bytes => Interlocked.Read(ref _bytes);
        public long Add(long bytes) => Interlocked.Add(ref _bytes, bytes);
    }
}
