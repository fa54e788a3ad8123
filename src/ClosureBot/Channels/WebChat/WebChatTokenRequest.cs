namespace ClosureBot.Channels.WebChat;

/// <summary>Body of <c>POST /api/webchat/token</c>: the conversation to resume (from session storage) and the portal's assertion.</summary>
public sealed record WebChatTokenRequest(string? ConversationId, string? Assertion, string? Locale)
{
    /// <summary>Largest body read (413 beyond): room for an id, an assertion of at most 8 KiB and a locale.</summary>
    public const int MaxBodyBytes = 16 * 1024;
}
