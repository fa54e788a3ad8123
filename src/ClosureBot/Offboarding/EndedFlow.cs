namespace ClosureBot.Offboarding;

/// <summary>
/// How the last closure of a conversation ended, kept in <see cref="ConversationData.Ended"/> so the bot can still say
/// what happened (and the reference) after the dialog is gone. Written only by the router, when a closure ends or starts.
/// </summary>
public sealed record EndedFlow(OffboardingOutcome Outcome, string? AccountAlias, string? Reference)
{
    /// <summary>
    /// Whether the welcome has been shown again since this closure ended: its question ("Would you like to start, or talk
    /// to support?") is then the one waiting, and a yes or no answers it as it answers a first welcome.
    /// </summary>
    public bool WelcomedAgain { get; init; }
}
