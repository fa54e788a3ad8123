namespace ClosureBot.Handoff;

/// <summary>A change to the queues that a turn writes in its commit, with the conversation's state and the audit trail.</summary>
public abstract record HandoffWrite
{
    private HandoffWrite() { }

    /// <summary>A new ticket waiting in its queue.</summary>
    public sealed record Opened(HandoffRecord Record) : HandoffWrite;

    /// <summary>
    /// The ticket moves from <paramref name="From"/> to <paramref name="To"/>; the commit fails (the turn runs again)
    /// when it no longer stands at <paramref name="From"/>, so of two agents accepting it exactly one succeeds.
    /// </summary>
    /// <param name="Ending">Why it ended (<c>handed-back</c>, <c>left</c>, <c>failed</c>, <c>completed</c>); null unless it ends.</param>
    /// <param name="Decision">The hand-back decision as JSON (resume point, facts, note); null otherwise.</param>
    public sealed record Moved(string TicketId, HandoffStatus From, HandoffStatus To, SupportAgent? Agent, string? Ending, string? Decision)
        : HandoffWrite;

    /// <summary>A line of the handed-off conversation.</summary>
    public sealed record MessageAdded(HandoffMessage Message) : HandoffWrite;

    /// <summary>The customer left a message while the queue was closed.</summary>
    public sealed record LeftMessage(string TicketId) : HandoffWrite;
}
