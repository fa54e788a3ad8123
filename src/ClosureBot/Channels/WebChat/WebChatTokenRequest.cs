namespace ClosureBot.Channels.WebChat;

/// <summary>Body of <c>POST /api/webchat/token</c>: the conversation to resume (from session storage) and the portal's assertion.</summary>
public sealed record WebChatTokenRequest(string? ConversationId, string? Assertion, string? Locale);
