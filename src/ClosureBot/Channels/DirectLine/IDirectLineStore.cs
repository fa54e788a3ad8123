namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Durable Direct Line data (a port: Storage implements it for each provider): conversations, each conversation's
/// activity log (the user's activities and the bot's replies, numbered by the store) and the token-signing key.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>The token-signing key kept in the database, created on first use (the first instance to write wins).</summary>
    byte[] GetOrCreateSigningKey();

    Task CreateConversationAsync(DirectLineConversation conversation, CancellationToken ct);

    Task<DirectLineConversation?> FindConversationAsync(string id, CancellationToken ct);

    /// <summary>
    /// Gives conversation <paramref name="id"/> to <paramref name="toUserId"/>, only if it still belongs to
    /// <paramref name="fromUserId"/>; true when it did.
    /// </summary>
    Task<bool> HandOverAsync(string id, string fromUserId, string toUserId, string? toUserName, CancellationToken ct);

    /// <summary>Marks the conversation started; true only for the one caller that started it.</summary>
    Task<bool> TryMarkStartedAsync(string id, string? locale, CancellationToken ct);

    /// <summary>
    /// Appends <paramref name="count"/> activities, in one write, under the conversation's next sequence numbers, which
    /// the database assigns consecutively (so instances sharing it never hand out one number twice, and a number is never
    /// reused, even after a retraction). <paramref name="render"/> turns an activity's index and number into the JSON to
    /// store; the first number is returned.
    /// </summary>
    Task<long> AppendActivitiesAsync(string conversationId, int count, Func<int, long, string> render, CancellationToken ct);

    /// <summary>The highest sequence number stored for the conversation (0 when it has none).</summary>
    Task<long> LastSequenceAsync(string conversationId, CancellationToken ct);

    /// <summary>Removes one activity from the transcript (a user's activity whose turn failed).</summary>
    Task DeleteActivityAsync(string conversationId, long sequence, CancellationToken ct);

    /// <summary>The conversation's activities after <paramref name="afterSequence"/>, oldest first, as stored JSON.</summary>
    Task<IReadOnlyList<(long Sequence, string Json)>> ReadActivitiesAsync(string conversationId, long afterSequence, int limit, CancellationToken ct);

    /// <summary>
    /// The next <paramref name="limit"/> conversations created before <paramref name="cutoff"/>, after position
    /// <paramref name="after"/> (a store-defined increasing cursor), each with its newest activity.
    /// </summary>
    Task<IReadOnlyList<TranscriptCandidate>> FindTranscriptsCreatedBeforeAsync(DateTimeOffset cutoff, long after, int limit, CancellationToken ct);

    /// <summary>
    /// Deletes each conversation and its activities in one transaction, only where its newest activity is still the one
    /// read; returns the ids deleted and how many activities went with them.
    /// </summary>
    Task<(IReadOnlyList<string> Deleted, int Activities)> DeleteTranscriptsAsync(IReadOnlyList<(string Id, long LastSequence)> batch, CancellationToken ct);
}

/// <summary>A conversation the transcript retention may delete: its cursor position, and its newest activity (if any).</summary>
public sealed record TranscriptCandidate(long Cursor, string Id, long? LastSequence, string? LastActivityTimestamp);
