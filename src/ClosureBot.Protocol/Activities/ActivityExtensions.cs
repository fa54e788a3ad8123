using System.Text.Json.Nodes;

namespace ClosureBot.Protocol.Activities;

/// <summary>Helpers that follow the SDK conventions for building replies.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// A message answering <paramref name="incoming"/>: from/recipient swapped, same conversation, channel and
    /// service URL, <c>replyToId</c> set (except conversationUpdate on Direct Line / Web Chat, as the SDK does).
    /// </summary>
    public static Activity CreateReply(this Activity incoming, string? text = null)
    {
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            From = incoming.Recipient is null ? null : new ChannelAccount { Id = incoming.Recipient.Id, Name = incoming.Recipient.Name, Role = RoleTypes.Bot },
            Recipient = incoming.From is null ? null : new ChannelAccount { Id = incoming.From.Id, Name = incoming.From.Name },
            Conversation = incoming.Conversation,
            ChannelId = incoming.ChannelId,
            ServiceUrl = incoming.ServiceUrl,
            ReplyToId = incoming.RepliesNameIt() ? incoming.Id : null,
            Locale = incoming.Locale,
        };
    }

    /// <summary>
    /// Whether replies to <paramref name="incoming"/> carry its id as <c>replyToId</c>: always, except for a
    /// conversationUpdate on Direct Line / Web Chat, which the clients do not show (the SDK's rule).
    /// </summary>
    internal static bool RepliesNameIt(this Activity incoming) =>
        !(incoming.Type == ActivityTypes.ConversationUpdate
          && (incoming.ChannelId == Channels.DirectLine || incoming.ChannelId == Channels.WebChat));

    /// <summary>The reference needed to continue this conversation later.</summary>
    public static ConversationReference GetConversationReference(this Activity activity) => new()
    {
        ActivityId = activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        Conversation = activity.Conversation,
        ChannelId = activity.ChannelId,
        ServiceUrl = activity.ServiceUrl,
        Locale = activity.Locale,
    };

    /// <summary>Whether the sender wants every reply in the HTTP response.</summary>
    public static bool ExpectsReplies(this Activity activity) =>
        string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);

    /// <summary>Reads a string field of <see cref="Activity.Value"/>, if the value is an object holding one.</summary>
    public static string? GetValueString(this Activity activity, string property) =>
        activity.Value is JsonObject obj && obj.TryGetPropertyValue(property, out var node)
            && node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
