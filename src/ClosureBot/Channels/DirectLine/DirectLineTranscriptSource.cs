using System.Text.Json;
using ClosureBot.Handoff;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ProtocolChannels = ClosureBot.Protocol.Activities.Channels;

namespace ClosureBot.Channels.DirectLine;

/// <summary>A web chat conversation's transcript, read back from its Direct Line activity log (what the customer saw).</summary>
public sealed class DirectLineTranscriptSource(DirectLineStore store) : ITranscriptSource
{
    public bool Covers(Activity activity) => activity.ChannelId == ProtocolChannels.WebChat && activity.ServiceUrl is null
        && activity.Conversation?.Id is not null;

    public async Task<IReadOnlyList<Activity>> ReadAsync(Activity activity, int limit, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation!.Id!;
        var last = await store.LastSequenceAsync(conversationId, cancellationToken);
        var rows = await store.ReadActivitiesAsync(conversationId, Math.Max(0, last - limit), limit, cancellationToken);
        return rows.Select(r => JsonSerializer.Deserialize<Activity>(r.Json, ProtocolJson.Options)!).ToList();
    }
}
