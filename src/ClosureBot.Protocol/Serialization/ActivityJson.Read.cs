using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ClosureBot.Protocol.Activities;

namespace ClosureBot.Protocol.Serialization;

/// <summary>
/// Reads an inbound activity as the edge reads it: what <c>JsonSerializer.Deserialize&lt;Activity&gt;</c> gives with
/// <see cref="ProtocolJson.Options"/>, the nesting bound <see cref="ActivityLimits.MaxJsonDepth"/> and no property given twice, with code written for
/// the types every activity carries. Like the writer, this replaces System.Text.Json's generic object reader, which has no
/// generated form for a type with extension data: reading the activity was 2.6–2.9 % of the bot's CPU under load
/// (forty-eighth measurement).
/// <para>
/// The code reads only input whose meaning leaves no choice: each known property at most once, under its own name, with a
/// value of its own kind, and each other property once. Anything else (a name in other casing or escaped, a property twice,
/// a value of the wrong kind, malformed JSON, something after the activity) is read again by the options, so what they make
/// of it, or the error they give, is the answer. <c>ActivityJsonReadTests</c> hold the two to the same result.
/// </para>
/// </summary>
public static partial class ActivityJson
{
    /// <summary>The options an inbound activity is read with: the protocol's, with the nesting bound and no property given twice.</summary>
    internal static JsonSerializerOptions ReadOptions { get; } = CreateReadOptions();

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = ReadOptions.AllowTrailingCommas,
        CommentHandling = ReadOptions.ReadCommentHandling,
        MaxDepth = ReadOptions.MaxDepth,
    };

    private static readonly JsonTypeInfo<JsonNode> ReadNode = ReadTypeInfo<JsonNode>();
    private static readonly JsonTypeInfo<JsonElement> ReadElement = ReadTypeInfo<JsonElement>();
    private static readonly JsonTypeInfo<List<MessageReaction>> ReadReactions = ReadTypeInfo<List<MessageReaction>>();
    private static readonly JsonTypeInfo<SuggestedActions> ReadSuggestions = ReadTypeInfo<SuggestedActions>();
    private static readonly JsonTypeInfo<ConversationReference> ReadReference = ReadTypeInfo<ConversationReference>();
    private static readonly JsonTypeInfo<List<string>> ReadStrings = ReadTypeInfo<List<string>>();
    private static readonly JsonTypeInfo<List<TextHighlight>> ReadHighlights = ReadTypeInfo<List<TextHighlight>>();
    private static readonly JsonTypeInfo<SemanticAction> ReadSemantic = ReadTypeInfo<SemanticAction>();

    private static readonly JsonFieldTable ActivityFields = JsonFieldTable.Of<ActivityField>();
    private static readonly JsonFieldTable AccountFields = JsonFieldTable.Of<AccountField>();
    private static readonly JsonFieldTable ConversationFields = JsonFieldTable.Of<ConversationField>();
    private static readonly JsonFieldTable AttachmentFields = JsonFieldTable.Of<AttachmentField>();
    private static readonly JsonFieldTable EntityFields = JsonFieldTable.Of<EntityField>();

    /// <summary>
    /// The activity in <paramref name="json"/> (UTF-8), or null for JSON <c>null</c>; throws <see cref="JsonException"/>
    /// where <c>JsonSerializer.Deserialize&lt;Activity&gt;(json, ReadOptions)</c> does, with its message and position.
    /// </summary>
    public static Activity? Deserialize(ReadOnlySpan<byte> json) =>
        TryDeserializeByHand(json, out var activity) ? activity : DeserializeWithOptions(json);

    /// <summary>The activity as <see cref="ReadOptions"/> read it: the answer wherever the code here leaves it to them.</summary>
    internal static Activity? DeserializeWithOptions(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ReadTypeInfo<Activity>());
        }
        catch (ArgumentException ex) when (ex is not ArgumentNullException)
        {
            // A JSON object value (value, channelData, an entity) that gives a property twice: System.Text.Json's JsonObject
            // refuses it with its dictionary's ArgumentException, not a JsonException.
            throw new JsonException("The JSON gives a property twice.", ex);
        }
    }

    /// <summary>The activity as the code here reads it, or false where the options must read <paramref name="json"/>.</summary>
    internal static bool TryDeserializeByHand(ReadOnlySpan<byte> json, out Activity? activity)
    {
        activity = null;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            return reader.Read() && TryRead(ref reader, out activity) && !reader.Read();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Malformed, a value the options refuse or may read otherwise, or anything else this code did not expect: the
            // options read it again, and their result or their error is the answer.
            activity = null;
            return false;
        }
    }

    // Reads the value at the reader (JSON null or an activity object), leaving the reader on its last token; false where the
    // options must decide.
    private static bool TryRead(ref Utf8JsonReader reader, out Activity? activity) => TryReadObject(ref reader, ActivityFields, ReadProperty, out activity);

    private static bool TryRead(ref Utf8JsonReader reader, out ChannelAccount? account) => TryReadObject(ref reader, AccountFields, ReadProperty, out account);

    private static bool TryRead(ref Utf8JsonReader reader, out ConversationAccount? conversation) =>
        TryReadObject(ref reader, ConversationFields, ReadProperty, out conversation);

    private static bool TryRead(ref Utf8JsonReader reader, out Attachment? attachment) => TryReadObject(ref reader, AttachmentFields, ReadProperty, out attachment);

    private static bool TryRead(ref Utf8JsonReader reader, out Entity? entity) => TryReadObject(ref reader, EntityFields, ReadProperty, out entity);

    // Reads one property's value (the reader on its first token) into the object; false where the options must decide.
    private delegate bool PropertyReader<in T>(ref Utf8JsonReader reader, T target, int field, string? name);

    // JSON null, or an object of T read property by property.
    private static bool TryReadObject<T>(ref Utf8JsonReader reader, JsonFieldTable fields, PropertyReader<T> read, out T? value) where T : class, new()
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        var target = new T();
        var seen = 0UL;
        while (Next(ref reader, fields, ref seen, out var field, out var name))
        {
            if (!read(ref reader, target, field, name)) return false;
        }
        value = target;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool ReadProperty(ref Utf8JsonReader reader, Activity a, int field, string? name)
    {
        var ok = true;
        switch ((ActivityField)field)
        {
            case ActivityField.Type: a.Type = Text(ref reader, ref ok); break;
            case ActivityField.Id: a.Id = Text(ref reader, ref ok); break;
            case ActivityField.Timestamp: a.Timestamp = Time(ref reader, ref ok); break;
            case ActivityField.LocalTimestamp: a.LocalTimestamp = Time(ref reader, ref ok); break;
            case ActivityField.LocalTimezone: a.LocalTimezone = Text(ref reader, ref ok); break;
            case ActivityField.CallerId: a.CallerId = Text(ref reader, ref ok); break;
            case ActivityField.ServiceUrl: a.ServiceUrl = Text(ref reader, ref ok); break;
            case ActivityField.ChannelId: a.ChannelId = Text(ref reader, ref ok); break;
            case ActivityField.From: ok = TryRead(ref reader, out ChannelAccount? from); a.From = from; break;
            case ActivityField.Conversation: ok = TryRead(ref reader, out ConversationAccount? conversation); a.Conversation = conversation; break;
            case ActivityField.Recipient: ok = TryRead(ref reader, out ChannelAccount? recipient); a.Recipient = recipient; break;
            case ActivityField.TextFormat: a.TextFormat = Text(ref reader, ref ok); break;
            case ActivityField.AttachmentLayout: a.AttachmentLayout = Text(ref reader, ref ok); break;
            case ActivityField.MembersAdded: ok = TryReadList(ref reader, out List<ChannelAccount?>? added); a.MembersAdded = added!; break;
            case ActivityField.MembersRemoved: ok = TryReadList(ref reader, out List<ChannelAccount?>? removed); a.MembersRemoved = removed!; break;
            case ActivityField.ReactionsAdded: a.ReactionsAdded = JsonSerializer.Deserialize(ref reader, ReadReactions); break;
            case ActivityField.ReactionsRemoved: a.ReactionsRemoved = JsonSerializer.Deserialize(ref reader, ReadReactions); break;
            case ActivityField.TopicName: a.TopicName = Text(ref reader, ref ok); break;
            case ActivityField.HistoryDisclosed: a.HistoryDisclosed = Flag(ref reader, ref ok); break;
            case ActivityField.Locale: a.Locale = Text(ref reader, ref ok); break;
            case ActivityField.Text: a.Text = Text(ref reader, ref ok); break;
            case ActivityField.Speak: a.Speak = Text(ref reader, ref ok); break;
            case ActivityField.InputHint: a.InputHint = Text(ref reader, ref ok); break;
            case ActivityField.Summary: a.Summary = Text(ref reader, ref ok); break;
            case ActivityField.SuggestedActions: a.SuggestedActions = JsonSerializer.Deserialize(ref reader, ReadSuggestions); break;
            case ActivityField.Attachments: ok = TryReadList(ref reader, out List<Attachment?>? attachments); a.Attachments = attachments!; break;
            case ActivityField.Entities: ok = TryReadList(ref reader, out List<Entity?>? entities); a.Entities = entities!; break;
            case ActivityField.ChannelData: a.ChannelData = JsonSerializer.Deserialize(ref reader, ReadNode); break;
            case ActivityField.Action: a.Action = Text(ref reader, ref ok); break;
            case ActivityField.ReplyToId: a.ReplyToId = Text(ref reader, ref ok); break;
            case ActivityField.Label: a.Label = Text(ref reader, ref ok); break;
            case ActivityField.ValueType: a.ValueType = Text(ref reader, ref ok); break;
            case ActivityField.Value: a.Value = JsonSerializer.Deserialize(ref reader, ReadNode); break;
            case ActivityField.Name: a.Name = Text(ref reader, ref ok); break;
            case ActivityField.RelatesTo: a.RelatesTo = JsonSerializer.Deserialize(ref reader, ReadReference); break;
            case ActivityField.Code: a.Code = Text(ref reader, ref ok); break;
            case ActivityField.Expiration: a.Expiration = Time(ref reader, ref ok); break;
            case ActivityField.Importance: a.Importance = Text(ref reader, ref ok); break;
            case ActivityField.DeliveryMode: a.DeliveryMode = Text(ref reader, ref ok); break;
            case ActivityField.ListenFor: a.ListenFor = JsonSerializer.Deserialize(ref reader, ReadStrings); break;
            case ActivityField.TextHighlights: a.TextHighlights = JsonSerializer.Deserialize(ref reader, ReadHighlights); break;
            case ActivityField.SemanticAction: a.SemanticAction = JsonSerializer.Deserialize(ref reader, ReadSemantic); break;
            default: return Extension(ref reader, name, a.AdditionalProperties ??= []);
        }
        return ok;
    }

    private static bool ReadProperty(ref Utf8JsonReader reader, ChannelAccount a, int field, string? name)
    {
        var ok = true;
        switch ((AccountField)field)
        {
            case AccountField.Id: a.Id = Text(ref reader, ref ok); break;
            case AccountField.Name: a.Name = Text(ref reader, ref ok); break;
            case AccountField.AadObjectId: a.AadObjectId = Text(ref reader, ref ok); break;
            case AccountField.Role: a.Role = Text(ref reader, ref ok); break;
            default: return Extension(ref reader, name, a.AdditionalProperties ??= []);
        }
        return ok;
    }

    private static bool ReadProperty(ref Utf8JsonReader reader, ConversationAccount c, int field, string? name)
    {
        var ok = true;
        switch ((ConversationField)field)
        {
            case ConversationField.Id: c.Id = Text(ref reader, ref ok); break;
            case ConversationField.Name: c.Name = Text(ref reader, ref ok); break;
            case ConversationField.IsGroup: c.IsGroup = Flag(ref reader, ref ok); break;
            case ConversationField.ConversationType: c.ConversationType = Text(ref reader, ref ok); break;
            case ConversationField.TenantId: c.TenantId = Text(ref reader, ref ok); break;
            case ConversationField.AadObjectId: c.AadObjectId = Text(ref reader, ref ok); break;
            case ConversationField.Role: c.Role = Text(ref reader, ref ok); break;
            default: return Extension(ref reader, name, c.AdditionalProperties ??= []);
        }
        return ok;
    }

    private static bool ReadProperty(ref Utf8JsonReader reader, Attachment a, int field, string? name)
    {
        var ok = true;
        switch ((AttachmentField)field)
        {
            case AttachmentField.ContentType: a.ContentType = Text(ref reader, ref ok); break;
            case AttachmentField.ContentUrl: a.ContentUrl = Text(ref reader, ref ok); break;
            case AttachmentField.Content: a.Content = JsonSerializer.Deserialize(ref reader, ReadNode); break;
            case AttachmentField.Name: a.Name = Text(ref reader, ref ok); break;
            case AttachmentField.ThumbnailUrl: a.ThumbnailUrl = Text(ref reader, ref ok); break;
            default: return Extension(ref reader, name, a.AdditionalProperties ??= []);
        }
        return ok;
    }

    private static bool ReadProperty(ref Utf8JsonReader reader, Entity e, int field, string? name)
    {
        var ok = true;
        if ((EntityField)field != EntityField.Type) return Extension(ref reader, name, e.Properties ??= []);
        e.Type = Text(ref reader, ref ok);
        return ok;
    }

    private delegate bool ItemReader<T>(ref Utf8JsonReader reader, out T? item);

    private static bool TryReadList(ref Utf8JsonReader reader, out List<ChannelAccount?>? list) => TryReadList(ref reader, TryRead, out list);

    private static bool TryReadList(ref Utf8JsonReader reader, out List<Attachment?>? list) => TryReadList(ref reader, TryRead, out list);

    private static bool TryReadList(ref Utf8JsonReader reader, out List<Entity?>? list) => TryReadList(ref reader, TryRead, out list);

    // A list of objects (null items kept, as the options keep them), or JSON null.
    private static bool TryReadList<T>(ref Utf8JsonReader reader, ItemReader<T> read, out List<T?>? list) where T : class
    {
        list = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        var items = new List<T?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!read(ref reader, out var item)) return false;
            items.Add(item);
        }
        list = items;
        return true;
    }

    // Moves to the next property's value: its field (0 for extension data, then with its name), or false at the object's
    // end. Throws for a name the options must read (other casing, escaped) and for a known property given twice, which
    // sends the whole activity to them.
    private static bool Next(ref Utf8JsonReader reader, JsonFieldTable fields, ref ulong seen, out int index, out string? name)
    {
        name = null;
        index = 0;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) return false;
        index = fields.Match(ref reader, out name);
        if (index < 0 || (index > 0 && (seen & (1UL << index)) != 0)) throw new FormatException("The options read this activity.");
        seen |= 1UL << index;
        reader.Read();
        return true;
    }

    private static string? Text(ref Utf8JsonReader reader, ref bool ok)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        ok &= reader.TokenType == JsonTokenType.Null;
        return null;
    }

    private static bool? Flag(ref Utf8JsonReader reader, ref bool ok)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            default:
                ok &= reader.TokenType == JsonTokenType.Null;
                return null;
        }
    }

    private static DateTimeOffset? Time(ref Utf8JsonReader reader, ref bool ok)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time)) return time;
        ok &= reader.TokenType == JsonTokenType.Null;
        return null;
    }

    // A property the schema does not name, kept as it came; a name given twice is left to the options.
    // Through the options, which refuse an object inside the value that gives a property twice (JsonElement's own parsing
    // lets it through); the throw leaves the activity to them.
    private static bool Extension(ref Utf8JsonReader reader, string? name, Dictionary<string, JsonElement> properties) =>
        properties.TryAdd(name!, JsonSerializer.Deserialize(ref reader, ReadElement));

    private static JsonSerializerOptions CreateReadOptions()
    {
        // A property given twice is refused, at any depth: what the bot would read (the last) and what a proxy, a firewall
        // or a log reads (often the first) would differ.
        var options = new JsonSerializerOptions(ProtocolJson.Options) { MaxDepth = ActivityLimits.MaxJsonDepth, AllowDuplicateProperties = false };
        options.MakeReadOnly();
        return options;
    }

    private static JsonTypeInfo<T> ReadTypeInfo<T>() => (JsonTypeInfo<T>)ReadOptions.GetTypeInfo(typeof(T));

    // The properties of each type read here, named as the properties are (the JSON name is the camelCase of it); 0 is
    // extension data.
    private enum ActivityField
    {
        Extension, Type, Id, Timestamp, LocalTimestamp, LocalTimezone, CallerId, ServiceUrl, ChannelId, From, Conversation,
        Recipient, TextFormat, AttachmentLayout, MembersAdded, MembersRemoved, ReactionsAdded, ReactionsRemoved, TopicName,
        HistoryDisclosed, Locale, Text, Speak, InputHint, Summary, SuggestedActions, Attachments, Entities, ChannelData, Action,
        ReplyToId, Label, ValueType, Value, Name, RelatesTo, Code, Expiration, Importance, DeliveryMode, ListenFor,
        TextHighlights, SemanticAction,
    }

    private enum AccountField { Extension, Id, Name, AadObjectId, Role }

    private enum ConversationField { Extension, Id, Name, IsGroup, ConversationType, TenantId, AadObjectId, Role }

    private enum AttachmentField { Extension, ContentType, ContentUrl, Content, Name, ThumbnailUrl }

    private enum EntityField { Extension, Type }
}
