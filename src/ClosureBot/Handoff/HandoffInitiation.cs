using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Handoff;

/// <summary>
/// The <c>handoff.initiate</c> event, shaped as the Bot Framework SDK's <c>EventFactory.CreateHandoffInitiation</c> makes
/// it: from the customer, relating to the incoming activity, with the routing context as its value and the
/// conversation's activities as a <c>Transcript</c> attachment.
/// </summary>
public static class HandoffInitiation
{
    public static Activity Create(Activity incoming, HandoffTicket ticket, IReadOnlyDictionary<string, int>? remaining,
        IReadOnlyList<Activity> transcript, DateTimeOffset now) => new()
    {
        Type = ActivityTypes.Event,
        Name = HandoffEvents.Initiate,
        Id = Guid.NewGuid().ToString(),
        Timestamp = now,
        ChannelId = incoming.ChannelId,
        ServiceUrl = incoming.ServiceUrl,
        Conversation = incoming.Conversation,
        From = incoming.From,
        Recipient = incoming.Recipient,
        RelatesTo = incoming.GetConversationReference(),
        ReplyToId = incoming.Id,
        Entities = [],
        Value = new JsonObject
        {
            ["queue"] = ticket.Queue,
            ["reason"] = ticket.Reason,
            ["step"] = ticket.Screen,
            ["accountAlias"] = ticket.AccountAlias,
            ["verified"] = ticket.Verified,
            ["remaining"] = remaining is null ? null : JsonSerializer.SerializeToNode(remaining, ProtocolJson.Options),
            ["ticketId"] = ticket.Id,
        },
        Attachments =
        [
            new Attachment
            {
                ContentType = "application/json",
                Name = "Transcript",
                Content = new JsonObject { ["activities"] = JsonSerializer.SerializeToNode(transcript, ProtocolJson.Options) },
            },
        ],
    };
}
