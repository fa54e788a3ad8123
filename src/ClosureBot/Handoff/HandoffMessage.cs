namespace ClosureBot.Handoff;

/// <summary>One line of a handed-off conversation as the console shows it.</summary>
/// <param name="From"><c>customer</c>, <c>bot</c>, <c>agent</c> or <c>system</c>.</param>
/// <param name="Author">The agent's display name for agent lines; null otherwise.</param>
/// <param name="Text">The text, or a card's fallback text.</param>
public sealed record HandoffMessage(string Id, string TicketId, string From, string? Author, string Text, DateTimeOffset At);
