namespace ClosureBot.Handoff;

/// <summary>Names of the event activities the handoff sends and reads.</summary>
public static class HandoffEvents
{
    /// <summary>Bot → contact-center channel: the customer asks for a person (the Bot Framework handoff protocol).</summary>
    public const string Initiate = "handoff.initiate";

    /// <summary>
    /// Contact-center channel → bot: <c>{state: accepted | failed | completed, message?}</c>; honoured only as
    /// <see cref="HandoffStatusChannels"/> admits.
    /// </summary>
    public const string Status = "handoff.status";

    /// <summary>
    /// The desk → the bot, in-process only: an agent's action run as a turn of the customer's conversation. Its authority
    /// is the turn's <see cref="HandoffDeskIdentity"/>; the same name arriving from a channel does nothing.
    /// </summary>
    public const string Agent = "closurebot/agent";
}
