namespace ClosureBot.Outbox;

/// <summary>
/// A turn's replies as committed with its state, keyed by the conversation and the activity that started the turn.
/// The row is also the record that the activity was processed (duplicate detection).
/// </summary>
/// <param name="Replies">The replies, in order, as a JSON array of activities (UTF-8).</param>
/// <param name="NextAttemptAt">When the delivery worker may retry them; null when the bot has nothing to push (replies
/// went back in the HTTP response, or there are none).</param>
public sealed record OutboxEntry(string ConversationKey, string ActivityId, byte[] Replies, int ReplyCount, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt);
