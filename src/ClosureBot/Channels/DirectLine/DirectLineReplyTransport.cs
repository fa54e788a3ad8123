using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Channels.DirectLine;

/// <summary>Delivers a turn's replies in-process: appended, in order, to the Direct Line conversation's activity log.</summary>
public sealed class DirectLineReplyTransport(DirectLineActivityLog log, string conversationId) : IReplyTransport
{
    public async Task<IReadOnlyList<ResourceResponse>> SendAsync(Activity incoming, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>(replies.Count);
        foreach (var reply in replies)
        {
            reply.ServiceUrl = null;
            responses.Add(new ResourceResponse(await log.AppendAsync(conversationId, reply, cancellationToken)));
        }
        return responses;
    }
}
