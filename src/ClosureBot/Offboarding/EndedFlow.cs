namespace ClosureBot.Offboarding;

/// <summary>
/// How the last closure of a conversation ended, kept in <see cref="ConversationData.Ended"/> so the bot can still say
/// what happened (and the reference) after the dialog is gone. Written only by the router, when a closure ends or starts.
/// </summary>
public sealed record EndedFlow(OffboardingOutcome Outcome, string? AccountAlias, string? Reference);
