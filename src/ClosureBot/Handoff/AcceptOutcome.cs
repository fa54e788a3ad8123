namespace ClosureBot.Handoff;

/// <summary>What came of an agent's attempt to take a waiting conversation.</summary>
public enum AcceptOutcome
{
    Accepted,

    /// <summary>Another agent took it first.</summary>
    AlreadyTaken,

    /// <summary>It is no longer waiting (the customer left the queue, or it was handed back).</summary>
    NotWaiting,

    NotFound,
}
