namespace ClosureBot.Retention;

/// <summary>One run of the retention job: its time, the conversations it must not touch, and what the sweeps deleted.</summary>
public sealed class RetentionPass(DateTimeOffset now, IReadOnlySet<string> openRequestConversations)
{
    private readonly SortedDictionary<string, int> _deleted = new(StringComparer.Ordinal);

    public DateTimeOffset Now { get; } = now;

    /// <summary>What was deleted, by kind (<c>transcripts</c>, <c>savedPlaces</c>, …).</summary>
    public IReadOnlyDictionary<string, int> Deleted => _deleted;

    /// <summary>
    /// Whether the conversation (its channel's id, without the channel) has an open closure request (as requester or as a
    /// later requester) or a support ticket waiting or held: then its state, transcript and saved places are kept, whatever their age.
    /// </summary>
    public bool IsProtected(string conversationId)
    {
        if (!openRequestConversations.Contains(conversationId)) return false;
        Kept++;
        return true;
    }

    /// <summary>Items old enough to go that were kept for an open closure request.</summary>
    public int Kept { get; private set; }

    public void Count(string kind, int deleted) => _deleted[kind] = _deleted.GetValueOrDefault(kind) + deleted;
}
