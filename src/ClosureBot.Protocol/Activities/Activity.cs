using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ClosureBot.Protocol.Activities;

/// <summary>
/// A Bot Framework activity: every field of the Activity schema (v3.1), camelCase on the wire.
/// Fields this type does not know are kept in <see cref="AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type, e.g. <c>message</c> (see <see cref="ActivityTypes"/>).</summary>
    public string? Type { get; set; }
    /// <summary>Channel-assigned id.</summary>
    public string? Id { get; set; }
    /// <summary>UTC time the channel sent or received the activity (written with a <c>Z</c>).</summary>
    [JsonConverter(typeof(Serialization.UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }
    /// <summary>Local time of the sender, with offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }
    /// <summary>IANA time zone of the sender.</summary>
    public string? LocalTimezone { get; set; }
    /// <summary>Set by the bot after authentication; never trusted from the wire.</summary>
    public string? CallerId { get; set; }
    /// <summary>Where replies go (the Connector REST API).</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>Channel id, e.g. <c>msteams</c>, <c>webchat</c>, <c>directline</c>.</summary>
    public string? ChannelId { get; set; }
    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }
    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }
    /// <summary>The recipient.</summary>
    public ChannelAccount? Recipient { get; set; }
    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }
    /// <summary><c>list</c> or <c>carousel</c>.</summary>
    public string? AttachmentLayout { get; set; }
    /// <summary>Members added (conversationUpdate).</summary>
    public List<ChannelAccount>? MembersAdded { get; set; }
    /// <summary>Members removed (conversationUpdate).</summary>
    public List<ChannelAccount>? MembersRemoved { get; set; }
    /// <summary>Reactions added (messageReaction).</summary>
    public List<MessageReaction>? ReactionsAdded { get; set; }
    /// <summary>Reactions removed (messageReaction).</summary>
    public List<MessageReaction>? ReactionsRemoved { get; set; }
    /// <summary>Conversation topic (conversationUpdate).</summary>
    public string? TopicName { get; set; }
    /// <summary>Deprecated history flag.</summary>
    public bool? HistoryDisclosed { get; set; }
    /// <summary>BCP-47 locale.</summary>
    public string? Locale { get; set; }
    /// <summary>Message text.</summary>
    public string? Text { get; set; }
    /// <summary>Spoken text or SSML.</summary>
    public string? Speak { get; set; }
    /// <summary><c>acceptingInput</c>, <c>expectingInput</c> or <c>ignoringInput</c>.</summary>
    public string? InputHint { get; set; }
    /// <summary>Fallback text for channels without attachments.</summary>
    public string? Summary { get; set; }
    /// <summary>Suggested actions (quick replies).</summary>
    public SuggestedActions? SuggestedActions { get; set; }
    /// <summary>Attachments, e.g. Adaptive Cards.</summary>
    public List<Attachment>? Attachments { get; set; }
    /// <summary>Entities (mentions, client info, …).</summary>
    public List<Entity>? Entities { get; set; }
    /// <summary>Channel-specific payload.</summary>
    public JsonNode? ChannelData { get; set; }
    /// <summary><c>add</c> / <c>remove</c> (contactRelationUpdate, installationUpdate).</summary>
    public string? Action { get; set; }
    /// <summary>Id of the activity this one answers.</summary>
    public string? ReplyToId { get; set; }
    /// <summary>Trace label.</summary>
    public string? Label { get; set; }
    /// <summary>Type of <see cref="Value"/> (trace).</summary>
    public string? ValueType { get; set; }
    /// <summary>Structured value, e.g. a card submit.</summary>
    public JsonNode? Value { get; set; }
    /// <summary>Event or invoke name.</summary>
    public string? Name { get; set; }
    /// <summary>Reference to another conversation.</summary>
    public ConversationReference? RelatesTo { get; set; }
    /// <summary>endOfConversation code.</summary>
    public string? Code { get; set; }
    /// <summary>Expiry time, UTC (written with a <c>Z</c>).</summary>
    [JsonConverter(typeof(Serialization.UtcTimestampConverter))]
    public DateTimeOffset? Expiration { get; set; }
    /// <summary><c>low</c>, <c>normal</c> or <c>high</c>.</summary>
    public string? Importance { get; set; }
    /// <summary><c>normal</c>, <c>notification</c>, <c>ephemeral</c> or <c>expectReplies</c>.</summary>
    public string? DeliveryMode { get; set; }
    /// <summary>Speech priming phrases.</summary>
    public List<string>? ListenFor { get; set; }
    /// <summary>Highlights (suggestion activities).</summary>
    public List<TextHighlight>? TextHighlights { get; set; }
    /// <summary>Programmatic action.</summary>
    public SemanticAction? SemanticAction { get; set; }

    /// <summary>Fields not in the schema, kept so a round trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
