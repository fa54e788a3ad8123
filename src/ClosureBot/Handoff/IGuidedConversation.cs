using ClosureBot.Protocol.Turns;

namespace ClosureBot.Handoff;

/// <summary>
/// One turn of a conversation as the handoff sees it (a port: the flow's router implements it per turn). The handoff
/// decides; the flow does what only it knows how: ask its question again, jump to a screen, end.
/// </summary>
public interface IGuidedConversation
{
    ITurnContext Context { get; }

    /// <summary>The conversation's ticket while it waits in a queue or is held; the one handoff flag kept in its state.</summary>
    string? TicketId { get; set; }

    /// <summary>The last lines of the conversation, kept for channels whose transcript the bot cannot read back.</summary>
    RecentActivities Recent { get; }

    /// <summary>The screen the customer stands at; null when no flow runs.</summary>
    string? Screen { get; }

    /// <summary>The account the flow is about, once chosen.</summary>
    string? AccountAlias { get; }

    /// <summary>Whether this turn's proven identity may act for <see cref="AccountAlias"/>.</summary>
    bool Verified { get; }

    /// <summary>Carries on where the customer was: the current question again, or the welcome when idle.</summary>
    Task CarryOnAsync(CancellationToken cancellationToken);

    /// <summary>The bot speaks first at <paramref name="screen"/> (its card with fresh figures), respecting <paramref name="facts"/>.</summary>
    Task ResumeAtAsync(string screen, IReadOnlyList<VerifiedFact> facts, CancellationToken cancellationToken);

    /// <summary>Ends the flow politely (nothing is requested).</summary>
    Task EndAsync(CancellationToken cancellationToken);
}
