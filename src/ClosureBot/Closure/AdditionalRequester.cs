namespace ClosureBot.Closure;

/// <summary>Someone who asked to close an account that already had an open request: recorded against that request.</summary>
public sealed record AdditionalRequester(string Reference, Requester Requester, string ConversationId, DateTimeOffset RequestedAt);
