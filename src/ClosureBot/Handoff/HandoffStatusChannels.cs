using ClosureBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace ClosureBot.Handoff;

/// <summary>
/// Who may send <c>handoff.status</c>: a contact-center channel <see cref="SupportOptions.HandoffStatusChannels"/> lists,
/// proven in the same request by the Bot Connector's channel token (<see cref="ChannelIdentity.ConnectorChannelOf"/>).
/// Nothing the client writes into the activity counts: the embedded Direct Line (whose client is the customer's
/// browser), an Emulator token and a request without a token prove no channel.
/// </summary>
public sealed class HandoffStatusChannels(IOptions<SupportOptions> options, ILogger<HandoffStatusChannels> logger)
{
    private readonly HashSet<string> _listed = new(options.Value.HandoffStatusChannels, StringComparer.Ordinal);

    /// <summary>Whether this turn's <c>handoff.status</c> came from a listed channel that proved itself; if not, says why at Debug.</summary>
    public bool Sent(ITurnContext context)
    {
        var channel = ChannelIdentity.ConnectorChannelOf(context);
        if (channel is not null && _listed.Contains(channel)) return true;
        if (channel is null)
            logger.LogDebug("Ignored a {EventName} event: no Bot Connector channel token proved its request", HandoffEvents.Status);
        else
            logger.LogDebug("Ignored a {EventName} event: channel {ChannelId} is not in Support:HandoffStatusChannels", HandoffEvents.Status, channel);
        return false;
    }
}
