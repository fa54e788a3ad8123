using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Connector;

namespace ClosureBot.Channels.Teams;

/// <summary>Proactive messages through the Connector, addressed from the conversation reference stored on the last Teams turn.</summary>
internal sealed class TeamsProactiveMessenger(ITeamsConversationStore store, ConnectorClient connector) : IProactiveMessenger
{
    public async Task<ResourceResponse> SendAsync(string conversationKey, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reference = await store.FindReferenceAsync(conversationKey, cancellationToken)
            ?? throw new KeyNotFoundException("No conversation reference is stored for this conversation.");
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.From ??= reference.Bot;
        activity.Recipient ??= reference.User;
        activity.Locale ??= reference.Locale;
        var anchor = new Activity { ChannelId = reference.ChannelId, ServiceUrl = reference.ServiceUrl, Conversation = reference.Conversation };
        var responses = await connector.SendAsync(anchor, [activity], cancellationToken);
        return responses[0];
    }
}
