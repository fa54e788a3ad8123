using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Serialization;

/// <summary>
/// Writes activities exactly as <see cref="ProtocolJson.Options"/> writes them, with code written for the properties of
/// the types every reply carries (the activity, its accounts and conversation, its attachments); the rarer types inside
/// go through the options. Every turn stores its replies, and System.Text.Json has no generated writer for a type with
/// extension data (<c>[JsonExtensionData]</c>, which these keep for what a channel sends beyond the schema), so its
/// generic object writer visited each of the activity's 43 properties through its metadata: about 4 % of the bot's CPU
/// under load (forty-seventh measurement). <c>ActivityJsonTests</c> hold this to the options' bytes for every property.
/// </summary>
public static partial class ActivityJson
{
    private static readonly JsonSerializerOptions Options = ProtocolJson.Options;
    private static readonly UtcTimestampConverter UtcTimestamp = new();
    private static readonly JsonTypeInfo<List<ChannelAccount>> Accounts = TypeInfo<List<ChannelAccount>>();
    private static readonly JsonTypeInfo<List<MessageReaction>> Reactions = TypeInfo<List<MessageReaction>>();
    private static readonly JsonTypeInfo<SuggestedActions> Suggestions = TypeInfo<SuggestedActions>();
    private static readonly JsonTypeInfo<List<Entity>> Entities = TypeInfo<List<Entity>>();
    private static readonly JsonTypeInfo<JsonNode> Node = TypeInfo<JsonNode>();
    private static readonly JsonTypeInfo<ConversationReference> Reference = TypeInfo<ConversationReference>();
    private static readonly JsonTypeInfo<List<string>> Strings = TypeInfo<List<string>>();
    private static readonly JsonTypeInfo<List<TextHighlight>> Highlights = TypeInfo<List<TextHighlight>>();
    private static readonly JsonTypeInfo<SemanticAction> Semantic = TypeInfo<SemanticAction>();

    /// <summary>The activities as a JSON array (UTF-8): the bytes <c>JsonSerializer.SerializeToUtf8Bytes(activities, ProtocolJson.Options)</c> gives.</summary>
    public static byte[] SerializeList(IReadOnlyList<Activity> activities) => ThreadJsonWriter.Write(activities, static (writer, list) =>
    {
        writer.WriteStartArray();
        foreach (var activity in list) Write(writer, activity);
        writer.WriteEndArray();
    }).ToArray();

    /// <summary>One activity as JSON text: what <c>JsonSerializer.Serialize(activity, ProtocolJson.Options)</c> gives.</summary>
    public static string Serialize(Activity activity) => Encoding.UTF8.GetString(ThreadJsonWriter.Write(activity, Write));

    /// <summary>One activity as UTF-8 JSON: what <c>JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options)</c> gives.</summary>
    public static byte[] SerializeToUtf8Bytes(Activity activity) => ThreadJsonWriter.Write(activity, Write).ToArray();

    private static void Write(Utf8JsonWriter writer, Activity a)
    {
        writer.WriteStartObject();
        String(writer, "type"u8, a.Type);
        String(writer, "id"u8, a.Id);
        if (a.Timestamp is { } timestamp)
        {
            writer.WritePropertyName("timestamp"u8);
            UtcTimestamp.Write(writer, timestamp, Options);
        }
        if (a.LocalTimestamp is { } localTimestamp) writer.WriteString("localTimestamp"u8, localTimestamp);
        String(writer, "localTimezone"u8, a.LocalTimezone);
        String(writer, "callerId"u8, a.CallerId);
        String(writer, "serviceUrl"u8, a.ServiceUrl);
        String(writer, "channelId"u8, a.ChannelId);
        Account(writer, "from"u8, a.From);
        Conversation(writer, "conversation"u8, a.Conversation);
        Account(writer, "recipient"u8, a.Recipient);
        String(writer, "textFormat"u8, a.TextFormat);
        String(writer, "attachmentLayout"u8, a.AttachmentLayout);
        Value(writer, "membersAdded"u8, a.MembersAdded, Accounts);
        Value(writer, "membersRemoved"u8, a.MembersRemoved, Accounts);
        Value(writer, "reactionsAdded"u8, a.ReactionsAdded, Reactions);
        Value(writer, "reactionsRemoved"u8, a.ReactionsRemoved, Reactions);
        String(writer, "topicName"u8, a.TopicName);
        if (a.HistoryDisclosed is { } historyDisclosed) writer.WriteBoolean("historyDisclosed"u8, historyDisclosed);
        String(writer, "locale"u8, a.Locale);
        String(writer, "text"u8, a.Text);
        String(writer, "speak"u8, a.Speak);
        String(writer, "inputHint"u8, a.InputHint);
        String(writer, "summary"u8, a.Summary);
        Value(writer, "suggestedActions"u8, a.SuggestedActions, Suggestions);
        if (a.Attachments is { } attachments)
        {
            writer.WritePropertyName("attachments"u8);
            writer.WriteStartArray();
            foreach (var attachment in attachments) Attachment(writer, attachment);
            writer.WriteEndArray();
        }
        Value(writer, "entities"u8, a.Entities, Entities);
        Value(writer, "channelData"u8, a.ChannelData, Node);
        String(writer, "action"u8, a.Action);
        String(writer, "replyToId"u8, a.ReplyToId);
        String(writer, "label"u8, a.Label);
        String(writer, "valueType"u8, a.ValueType);
        Value(writer, "value"u8, a.Value, Node);
        String(writer, "name"u8, a.Name);
        Value(writer, "relatesTo"u8, a.RelatesTo, Reference);
        String(writer, "code"u8, a.Code);
        if (a.Expiration is { } expiration)
        {
            writer.WritePropertyName("expiration"u8);
            UtcTimestamp.Write(writer, expiration, Options);
        }
        String(writer, "importance"u8, a.Importance);
        String(writer, "deliveryMode"u8, a.DeliveryMode);
        Value(writer, "listenFor"u8, a.ListenFor, Strings);
        Value(writer, "textHighlights"u8, a.TextHighlights, Highlights);
        Value(writer, "semanticAction"u8, a.SemanticAction, Semantic);
        Extension(writer, a.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static void Account(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ChannelAccount? account)
    {
        if (account is null) return;
        writer.WriteStartObject(name);
        String(writer, "id"u8, account.Id);
        String(writer, "name"u8, account.Name);
        String(writer, "aadObjectId"u8, account.AadObjectId);
        String(writer, "role"u8, account.Role);
        Extension(writer, account.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static void Conversation(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ConversationAccount? conversation)
    {
        if (conversation is null) return;
        writer.WriteStartObject(name);
        String(writer, "id"u8, conversation.Id);
        String(writer, "name"u8, conversation.Name);
        if (conversation.IsGroup is { } isGroup) writer.WriteBoolean("isGroup"u8, isGroup);
        String(writer, "conversationType"u8, conversation.ConversationType);
        String(writer, "tenantId"u8, conversation.TenantId);
        String(writer, "aadObjectId"u8, conversation.AadObjectId);
        String(writer, "role"u8, conversation.Role);
        Extension(writer, conversation.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static void Attachment(Utf8JsonWriter writer, Attachment attachment)
    {
        writer.WriteStartObject();
        String(writer, "contentType"u8, attachment.ContentType);
        String(writer, "contentUrl"u8, attachment.ContentUrl);
        Value(writer, "content"u8, attachment.Content, Node);
        String(writer, "name"u8, attachment.Name);
        String(writer, "thumbnailUrl"u8, attachment.ThumbnailUrl);
        Extension(writer, attachment.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static void String(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    private static void Value<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value, JsonTypeInfo<T> type) where T : class
    {
        if (value is null) return;
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, type);
    }

    // What a channel sent beyond the schema, after the known properties, as the options write extension data.
    private static void Extension(Utf8JsonWriter writer, Dictionary<string, JsonElement>? properties)
    {
        if (properties is null) return;
        foreach (var (name, value) in properties)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
