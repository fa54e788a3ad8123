using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Delivers a turn's replies in-process: appended, in order, to the Direct Line conversation's activity log, all of them
/// in one write (so they land together or not at all).
/// </summary>
public sealed class DirectLineReplyTransport(DirectLineActivityLog log, string conversationId) : IAtomicReplyTransport
{
    public async Task<IReadOnlyList<ResourceResponse>> SendAsync(Activity incoming, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies) reply.ServiceUrl = null;
        var ids = await log.AppendAsync(conversationId, replies, cancellationToken);
        return ids.Select(id => new ResourceResponse(id)).ToList();
    }
}
