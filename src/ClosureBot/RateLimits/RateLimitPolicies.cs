namespace ClosureBot.RateLimits;

/// <summary>The rate limiter policies endpoints opt into with <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Token issuing, per client address.</summary>
    public const string TokensPerClient = "tokens-per-client";

    /// <summary>Agent console sign-in attempts, per client address.</summary>
    public const string SignInsPerClient = "signins-per-client";

    /// <summary>Direct Line conversations started, per client address.</summary>
    public const string ConversationsPerClient = "conversations-per-client";

    /// <summary>The admin API, per client address: bounds how fast a caller can guess the key.</summary>
    public const string AdminPerClient = "admin-per-client";

    /// <summary>Polls, reconnects and uploads per Direct Line conversation (route value <c>conversationId</c>).</summary>
    public const string ReadsPerConversation = "reads-per-conversation";

    /// <summary>Open WebSockets per Direct Line conversation (route value <c>conversationId</c>).</summary>
    public const string StreamsPerConversation = "streams-per-conversation";

    /// <summary>The service key of the per-user token limiter (<see cref="KeyedRateLimiter"/>).</summary>
    public const string TokensPerUser = "tokens-per-user";
}
