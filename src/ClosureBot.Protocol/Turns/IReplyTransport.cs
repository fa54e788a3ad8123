using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Turns;

/// <summary>Delivers a turn's replies to the channel (the Connector REST API, or an in-process channel).</summary>
public interface IReplyTransport
{
    /// <summary>Sends <paramref name="replies"/>, in order, for the turn started by <paramref name="incoming"/>.</summary>
    Task<IReadOnlyList<ResourceResponse>> SendAsync(Activity incoming, IReadOnlyList<Activity> replies, CancellationToken cancellationToken);
}

/// <summary>
/// A transport that takes a batch of replies whole or not at all (an in-process channel writing them in one
/// transaction): a sender that tracks what was taken may hand it all the rest at once instead of one reply at a time.
/// </summary>
public interface IAtomicReplyTransport : IReplyTransport;
