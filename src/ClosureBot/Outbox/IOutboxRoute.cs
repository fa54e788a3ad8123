using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Outbox;

/// <summary>How the delivery worker reaches the channel of stored replies, after the turn that made them is long gone.</summary>
public interface IOutboxRoute
{
    /// <summary>Whether this route delivers <paramref name="reply"/> (decided from its addressing).</summary>
    bool Handles(Activity reply);

    IReplyTransport TransportFor(Activity reply);

    /// <summary>
    /// How many of <paramref name="turnReplies"/>, from the first, the channel already holds although the outbox never
    /// recorded it (the process died between the two); 0 when the channel cannot tell.
    /// </summary>
    Task<int> CountAlreadyDeliveredAsync(IReadOnlyList<Activity> turnReplies, CancellationToken cancellationToken);
}
