namespace ClosureBot.Handoff;

/// <summary>Where a handoff stands.</summary>
public enum HandoffStatus
{
    /// <summary>In a queue, no agent yet.</summary>
    Waiting,

    /// <summary>An agent holds the conversation; the bot is silent.</summary>
    Held,

    /// <summary>Handed back to the bot, left by the customer, or failed.</summary>
    Ended,
}
