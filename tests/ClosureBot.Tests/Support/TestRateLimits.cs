namespace ClosureBot.Tests.Support;

/// <summary>
/// Limits high enough for tests that start many conversations from one client in a moment. The test hosts use them
/// unless asked for the defaults, which the rate limit tests are.
/// </summary>
public static class TestRateLimits
{
    public static readonly IReadOnlyDictionary<string, string?> Raised = new[] { "TokensPerClient", "TokensPerUser", "ConversationsPerClient", "MessagesPerConversation", "SignInsPerClient", "ReadsPerConversation" }
        .SelectMany(rule => new[] { ($"RateLimits:{rule}:Limit", "100000"), ($"RateLimits:{rule}:Burst", "100000") })
        .Append(("RateLimits:StreamsPerConversation", "1000"))
        .ToDictionary(s => s.Item1, s => (string?)s.Item2);
}
