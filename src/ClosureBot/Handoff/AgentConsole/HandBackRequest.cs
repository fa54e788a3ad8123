namespace ClosureBot.Handoff.AgentConsole;

/// <summary>Body of <c>POST /agent/api/tickets/{id}/hand-back</c>: a <see cref="HandBackPoint.Screen"/>, fact names, an optional note.</summary>
public sealed record HandBackRequest(string? ResumeAt, IReadOnlyList<string>? Facts, string? Note);
