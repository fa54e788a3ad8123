using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Protocol.Tests.Activities;

// The outbox stores every turn's replies as ActivityJson writes them, and a redelivery or the delivery worker reads them
// back with the protocol's options: the bytes must be those the options write, for every property the activity has now
// or gains later.
public sealed class ActivityJsonTests
{
    [Fact]
    public void SerializeList_EveryPropertySet_WritesWhatTheProtocolsOptionsWrite()
    {
        List<Activity> activities = [Filled<Activity>(1), Filled<Activity>(2)];

        var written = ActivityJson.SerializeList(activities);

        Assert.Equal(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(activities, ProtocolJson.Options)), Encoding.UTF8.GetString(written));
        // Every property of the activity (and of the types written by hand inside it) is in it, with its own value.
        foreach (var property in Settable(typeof(Activity)).Where(p => p.Name != nameof(Activity.AdditionalProperties)))
            Assert.Contains($"\"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}\":", Encoding.UTF8.GetString(written));
        Assert.Contains("\"extra-1\":{\"note\":\"ü <b>&amp;\"}", Encoding.UTF8.GetString(written));
        Assert.Equal(JsonSerializer.Serialize(activities[1], ProtocolJson.Options), ActivityJson.Serialize(activities[1]));
    }

    [Fact]
    public void SerializeList_AReplyAsTheBotSendsIt_WritesWhatTheProtocolsOptionsWrite_AndReadsBack()
    {
        List<Activity> replies = [Reply("Schritt 2 von 5: Löschen Sie Ihre Server <jetzt> & \"sofort\" 👋"), new() { Type = ActivityTypes.Typing }, Reply("")];

        var written = ActivityJson.SerializeList(replies);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(replies, ProtocolJson.Options), written);
        Assert.Equal(written, ActivityJson.SerializeList(JsonSerializer.Deserialize<List<Activity>>(written, ProtocolJson.Options)!));
        Assert.Equal("[]"u8.ToArray(), ActivityJson.SerializeList([]));
    }

    [Fact]
    public void SerializeList_AllocatesLessThanTheProtocolsOptions()
    {
        List<Activity> replies = [Reply("Step 2 of 5"), Reply("Delete your servers, then choose Done.")];

        var written = Allocated(() => ActivityJson.SerializeList(replies));
        var options = Allocated(() => JsonSerializer.SerializeToUtf8Bytes(replies, ProtocolJson.Options));

        Assert.True(written < options, $"ActivityJson {written} B, the options {options} B");
    }

    private static Activity Reply(string text) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = new DateTimeOffset(2026, 12, 7, 10, 11, 12, 345, TimeSpan.FromHours(1)),
        ChannelId = Channels.WebChat,
        From = new ChannelAccount { Id = "closurebot", Name = "ClosureBot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = "conv-1" },
        Recipient = new ChannelAccount { Id = "user-1", Name = "Ada", Role = RoleTypes.User },
        Locale = "de-DE",
        Text = text,
        Speak = text,
        InputHint = "expectingInput",
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = PreSerializedJson.ToNode("{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"Zürich <b>\"}]}"u8.ToArray()) }],
        ReplyToId = "in-1",
    };

    private static long Allocated(Func<byte[]> write)
    {
        write();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) write();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }

    // An instance with every settable property given a value of its type (recursively for the protocol's own types), and
    // extension data with text that the app's encoder leaves as it is and text it escapes.
    internal static T Filled<T>(int seed) where T : new() => (T)Fill(typeof(T), seed, depth: 0);

    private static object Fill(Type type, int seed, int depth)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in Settable(type)) property.SetValue(instance, Sample(property.PropertyType, $"{property.Name}-{seed}", seed, depth));
        return instance;
    }

    private static object? Sample(Type type, string text, int seed, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return $"{text} ü <b>&\"";
        if (type == typeof(bool)) return seed % 2 == 1;
        if (type == typeof(int)) return seed;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 12, 7, 10, 11, seed, 345, TimeSpan.FromHours(1));
        if (type == typeof(JsonNode)) return JsonNode.Parse($"{{\"{text}\":[{seed},\"ü <\",null,true]}}");
        if (type == typeof(Dictionary<string, JsonElement>))
            return new Dictionary<string, JsonElement> { [$"extra-{seed}"] = JsonDocument.Parse("{\"note\":\"ü <b>&amp;\"}").RootElement.Clone() };
        if (depth > 3) return null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            list.Add(Sample(type.GetGenericArguments()[0], text, seed, depth + 1));
            return list;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(type)!;
            dictionary[$"key-{seed}"] = Sample(type.GetGenericArguments()[1], text, seed, depth + 1);
            return dictionary;
        }
        if (type.Namespace == typeof(Activity).Namespace && type.IsClass) return Fill(type, seed, depth + 1);
        throw new InvalidOperationException($"The test gives no sample for a property of type {type}: add one.");
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);
}
