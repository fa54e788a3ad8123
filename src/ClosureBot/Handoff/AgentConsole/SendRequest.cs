namespace ClosureBot.Handoff.AgentConsole;

/// <summary>Body of <c>POST /agent/api/tickets/{id}/messages</c>.</summary>
public sealed record SendRequest(string? Text);
