using System.Collections.Concurrent;
using System.Threading.Channels;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Each conversation's ordered activity log: appends get the next id (<c>{conversationId}|0000001</c>), are written to
/// the store, then fanned out to the conversation's live WebSocket subscribers. Ephemeral activities (typing) only fan out.
/// </summary>
public sealed class DirectLineActivityLog(IDirectLineStore store, TimeProvider time)
{
    /// <summary>Most activities one GET returns; the client pages on with the returned watermark.</summary>
    public const int PageSize = 200;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Assigns id and timestamp to <paramref name="activity"/>, persists it and publishes it.</summary>
    public async Task<string> AppendAsync(string conversationId, Activity activity, CancellationToken ct) =>
        (await AppendAsync(conversationId, [activity], ct))[0];

    /// <summary>
    /// Assigns ids and timestamps to <paramref name="activities"/>, persists them in one write (a turn's replies take one
    /// flush, not one each) and publishes them, in order; returns their ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken ct)
    {
        if (activities.Count == 0) return [];
        var entry = await LockAsync(conversationId, ct);
        try
        {
            var now = time.GetUtcNow();
            entry.UsedAt = now;
            var json = new string[activities.Count];
            foreach (var activity in activities)
            {
                activity.Timestamp = now;
                activity.Conversation ??= new ConversationAccount { Id = conversationId };
            }
            var first = await store.AppendActivitiesAsync(conversationId, activities.Count, (index, assigned) =>
            {
                activities[index].Id = $"{conversationId}|{assigned:D7}";
                return json[index] = ActivityJson.Serialize(activities[index]);
            }, ct);
            for (var i = 0; i < activities.Count; i++) entry.Publish(new StreamItem(first + i, json[i]));
            return activities.Select(a => a.Id!).ToList();
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>
    /// Takes back an activity <see cref="AppendAsync"/> stored (its id names the sequence), so a post the bot failed
    /// on does not stay in the history; its number is not reused.
    /// </summary>
    public Task RetractAsync(string conversationId, string activityId, CancellationToken ct) =>
        SequenceOf(activityId) is { } sequence ? store.DeleteActivityAsync(conversationId, sequence, ct) : Task.CompletedTask;

    /// <summary>
    /// Sends <paramref name="activity"/> to live subscribers only (it is not part of the history). With
    /// <paramref name="follows"/>, the sequence of the logged activity it belongs after, a stream that has already sent
    /// a later activity does not send it.
    /// </summary>
    public void PublishEphemeral(string conversationId, Activity activity, long? follows = null)
    {
        if (_entries.TryGetValue(conversationId, out var entry))
            entry.Publish(new StreamItem(null, ActivityJson.Serialize(activity), follows));
    }

    /// <summary>The sequence in its conversation's log of an activity id this log assigned (<c>{conversationId}|0000002</c>).</summary>
    public static long? SequenceOf(string? activityId) =>
        activityId is not null && long.TryParse(activityId.AsSpan(activityId.LastIndexOf('|') + 1), out var sequence) ? sequence : null;

    /// <summary>
    /// Tells the conversation's streams on this instance that another instance appended activity <paramref name="sequence"/>
    /// (they read it, and anything before it they lack, from the store).
    /// </summary>
    public void NoticeAppendedElsewhere(string conversationId, long sequence)
    {
        if (_entries.TryGetValue(conversationId, out var entry)) entry.Publish(StreamItem.Notice(sequence));
    }

    /// <summary>Tells every stream on this instance to read what it may lack (after notices from elsewhere may have been missed).</summary>
    public void NoticeAll()
    {
        foreach (var entry in _entries.Values) entry.Publish(StreamItem.Notice(long.MaxValue));
    }

    /// <summary>Activities after <paramref name="afterSequence"/> and the watermark to ask with next time.</summary>
    public async Task<(IReadOnlyList<StreamItem> Items, long Watermark)> ReadAsync(string conversationId, long afterSequence, CancellationToken ct)
    {
        var rows = await store.ReadActivitiesAsync(conversationId, afterSequence, PageSize, ct);
        return (rows.Select(r => new StreamItem(r.Sequence, r.Json)).ToList(), rows.Count > 0 ? rows[^1].Sequence : afterSequence);
    }

    /// <summary>Starts buffering everything published to the conversation until the subscription is disposed.</summary>
    public Subscription Subscribe(string conversationId)
    {
        var channel = Channel.CreateUnbounded<StreamItem>(new UnboundedChannelOptions { SingleReader = true });
        while (true)
        {
            var entry = _entries.GetOrAdd(conversationId, _ => new Entry());
            lock (entry.Subscribers)
            {
                if (entry.Removed) continue;
                entry.Subscribers.Add(channel.Writer);
                entry.UsedAt = time.GetUtcNow();
            }
            return new Subscription(channel.Reader, () =>
            {
                lock (entry.Subscribers)
                {
                    entry.Subscribers.Remove(channel.Writer);
                    entry.UsedAt = time.GetUtcNow();
                }
                channel.Writer.TryComplete();
            });
        }
    }

    /// <summary>Conversations with state in memory (an append gate, stream subscribers).</summary>
    public int InMemoryCount => _entries.Count;

    /// <summary>Whether a stream of the conversation is connected to this instance.</summary>
    public bool HasSubscribers(string conversationId)
    {
        if (!_entries.TryGetValue(conversationId, out var entry)) return false;
        lock (entry.Subscribers) return entry.Subscribers.Count > 0;
    }

    /// <summary>
    /// Drops the in-memory state of conversations with no stream connected and nothing appended since
    /// <paramref name="idleSince"/> (all of it is in the store); returns how many went.
    /// </summary>
    public int TrimIdle(DateTimeOffset idleSince) => _entries.Count(pair => TryRemove(pair.Key, pair.Value, idleSince));

    /// <summary>Drops the in-memory state of a conversation whose transcript was deleted (unless a stream is connected).</summary>
    public void Forget(string conversationId)
    {
        if (_entries.TryGetValue(conversationId, out var entry)) TryRemove(conversationId, entry, DateTimeOffset.MaxValue);
    }

    private bool TryRemove(string conversationId, Entry entry, DateTimeOffset idleSince)
    {
        // Only an entry nobody holds: an append waiting for it, or a subscriber arriving, finds it marked removed and takes a fresh one.
        if (!entry.Gate.Wait(0)) return false;
        try
        {
            lock (entry.Subscribers)
            {
                if (entry.Subscribers.Count > 0 || entry.UsedAt >= idleSince) return false;
                entry.Removed = true;
            }
            return _entries.TryRemove(new KeyValuePair<string, Entry>(conversationId, entry));
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<Entry> LockAsync(string conversationId, CancellationToken ct)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(conversationId, _ => new Entry { UsedAt = time.GetUtcNow() });
            await entry.Gate.WaitAsync(ct);
            if (!entry.Removed) return entry;
            entry.Gate.Release();
        }
    }

    /// <summary>A live feed of one conversation's activities.</summary>
    public sealed class Subscription(ChannelReader<StreamItem> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<StreamItem> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public DateTimeOffset UsedAt { get; set; }
        public bool Removed { get; set; }
        public List<ChannelWriter<StreamItem>> Subscribers { get; } = [];

        public void Publish(StreamItem item)
        {
            lock (Subscribers)
                foreach (var subscriber in Subscribers) subscriber.TryWrite(item);
        }
    }
}
