namespace ClosureBot.Handoff;

/// <summary>A support agent as the console authenticated them in the current request.</summary>
/// <param name="UserName">The sign-in name (unique; what the audit trail records).</param>
/// <param name="DisplayName">The name the customer sees ("You're talking to Dana from support").</param>
public sealed record SupportAgent(string UserName, string DisplayName);
