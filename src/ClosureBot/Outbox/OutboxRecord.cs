namespace ClosureBot.Outbox;

/// <summary>A stored outbox row: the turn's replies and how far their delivery got.</summary>
/// <param name="Delivered">How many replies, from the first, the channel has taken.</param>
/// <param name="NextAttemptAt">Null once nothing is left to deliver (or delivery was given up).</param>
public sealed record OutboxRecord(string ConversationKey, string ActivityId, byte[] Replies, int ReplyCount, int Delivered, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt);
