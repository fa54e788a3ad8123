using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Outbox;

/// <summary>
/// A channel transport whose deliveries are recorded in the outbox: replies already taken are not sent again, and a
/// refusal leaves the rest to the delivery worker instead of failing the (already saved) turn. Delivery does not
/// follow the inbound request's cancellation: the customer must get the answer of a turn that happened.
/// </summary>
internal sealed class OutboxReplyTransport(ReplyOutbox outbox, IReplyTransport inner) : IReplyTransport
{
    public Task<IReadOnlyList<ResourceResponse>> SendAsync(Activity incoming, IReadOnlyList<Activity> replies, CancellationToken cancellationToken) =>
        outbox.DeliverAsync(incoming, replies, inner);
}
