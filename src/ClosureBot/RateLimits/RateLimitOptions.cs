namespace ClosureBot.RateLimits;

/// <summary>
/// Configuration section <c>RateLimits</c>: how often one client address, user or conversation may ask for what. Every
/// refusal is 429 with <c>Retry-After</c>. The defaults leave a real customer (and the load command's 32 customers) far
/// below the limits while an address that loops on a public endpoint is stopped within a second.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary><c>false</c> switches every limit off (e.g. behind a gateway that limits already).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Token issuing per client address: <c>/api/webchat/token</c>, <c>/tokens/generate</c>, <c>/tokens/refresh</c>, <c>/signin</c>.</summary>
    public RateLimitRule TokensPerClient { get; set; } = RateLimitRule.PerMinute(30, 30);

    /// <summary>Token issuing per known user: the Direct Line token's user on refresh, the signed-in or portal user on the web chat token.</summary>
    public RateLimitRule TokensPerUser { get; set; } = RateLimitRule.PerMinute(10, 10);

    /// <summary>Sign-in attempts at the agent console (<c>POST /agent/signin</c>) per client address.</summary>
    public RateLimitRule SignInsPerClient { get; set; } = RateLimitRule.PerMinute(10, 10);

    /// <summary>Direct Line conversations started (<c>POST /v3/directline/conversations</c>) per client address.</summary>
    public RateLimitRule ConversationsPerClient { get; set; } = RateLimitRule.PerMinute(20, 20);

    /// <summary>Activities per conversation, on <c>/api/messages</c> (channel + conversation id) and Direct Line. Never per address.</summary>
    public RateLimitRule MessagesPerConversation { get; set; } = RateLimitRule.PerMinute(60, 20);

    /// <summary>
    /// Reads of one Direct Line conversation: polling for activities, reconnecting, uploads. Web Chat polls once a second
    /// when it has no WebSocket; the burst covers a page reload. Keyed by the conversation in the path (before the token
    /// is checked), so a forged id costs a bucket that is dropped once idle.
    /// </summary>
    public RateLimitRule ReadsPerConversation { get; set; } = RateLimitRule.PerMinute(120, 30);

    /// <summary>Admin API requests (<c>/admin/…</c>) per client address, counted before the key is checked.</summary>
    public RateLimitRule AdminPerClient { get; set; } = RateLimitRule.PerMinute(30, 10);

    /// <summary>WebSockets open at once on one Direct Line conversation's stream.</summary>
    public int StreamsPerConversation { get; set; } = 5;

    /// <summary>The <c>Retry-After</c> of a refused WebSocket: a slot frees only when another socket of the conversation closes.</summary>
    public TimeSpan StreamRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsValid => TokensPerClient.IsValid && TokensPerUser.IsValid && ConversationsPerClient.IsValid && MessagesPerConversation.IsValid
        && SignInsPerClient.IsValid && AdminPerClient.IsValid && ReadsPerConversation.IsValid
        && StreamsPerConversation >= 1 && StreamRetryAfter > TimeSpan.Zero;
}
