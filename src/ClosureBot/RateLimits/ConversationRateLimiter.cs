using ClosureBot.Protocol.Hosting;

namespace ClosureBot.RateLimits;

/// <summary>
/// Messages per conversation (<see cref="RateLimitOptions.MessagesPerConversation"/>), keyed by channel and conversation
/// id, for <c>/api/messages</c> and Direct Line alike. Never by address: Azure Bot Service posts from a few addresses.
/// </summary>
public sealed class ConversationRateLimiter(KeyedRateLimiter limiter) : IConversationRateLimiter
{
    public TimeSpan? TryAcquire(string channelId, string conversationId) => limiter.TryAcquire(channelId + "\n" + conversationId);
}
