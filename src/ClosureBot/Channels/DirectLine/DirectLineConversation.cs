namespace ClosureBot.Channels.DirectLine;

/// <summary>A Direct Line conversation as stored: who it belongs to and whether the bot has been told it started.</summary>
public sealed record DirectLineConversation(string Id, string UserId, string? UserName, string? Locale, bool Started, DateTimeOffset CreatedAt);
