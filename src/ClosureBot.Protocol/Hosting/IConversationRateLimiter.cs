namespace ClosureBot.Protocol.Hosting;

/// <summary>
/// Limits how many activities one conversation may post. The messaging endpoint asks once the activity is read and its
/// sender authenticated (the conversation is only known from the body), and answers 429 with <c>Retry-After</c> when refused.
/// Optional: without a registered implementation nothing is limited.
/// </summary>
public interface IConversationRateLimiter
{
    /// <summary>Takes one permit of the conversation: null when granted, otherwise how long the sender should wait.</summary>
    TimeSpan? TryAcquire(string channelId, string conversationId);
}
