using System.Collections;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Protocol.Tests.Activities;

// Every inbound activity is read by ActivityJson.Deserialize, which reads what it can by hand and leaves the rest to the
// protocol's options. Whatever a client sends, the result must be the options' own: the same activity, or the same error
// at the same place. These compare the two on the activities real channels send and on every way of breaking them.
public sealed class ActivityJsonReadTests
{
    private const string WebChatMessage = """
        {"type":"message","id":"4DHmYQ3jSYb-3|0000002","timestamp":"2026-12-07T11:04:05.1234567Z","localTimestamp":"2026-12-07T12:04:05.123+01:00",
         "localTimezone":"Europe/Berlin","serviceUrl":"https://webchat.botframework.com/","channelId":"webchat",
         "from":{"id":"dl_1a2b","name":"Jörg","role":"user"},"conversation":{"id":"4DHmYQ3jSYb-3"},
         "recipient":{"id":"closurebot@abc","name":"ClosureBot"},"textFormat":"plain","locale":"de-DE","text":"Wie lösche ich einen Server? \"jetzt\" <b>&",
         "attachments":[],"entities":[{"type":"ClientCapabilities","requiresBotState":true,"supportsListening":true,"supportsTts":true}],
         "channelData":{"clientActivityID":"1701946445123abc","clientTimestamp":"2026-12-07T11:04:05.120Z"}}
        """;

    private const string TeamsMessage = """
        {"text":"<at>ClosureBot</at> close ACME","textFormat":"plain","attachments":[{"contentType":"text/html","content":"<div><at>ClosureBot</at> close ACME</div>"}],
         "type":"message","timestamp":"2026-12-07T11:04:05.1234567Z","localTimestamp":"2026-12-07T12:04:05.1234567+01:00","id":"1701946445123",
         "channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","from":{"id":"29:1abc","name":"Ada Lovelace","aadObjectId":"6a1c2d3e-0000-4f5e-9a8b-1c2d3e4f5a6b"},
         "conversation":{"conversationType":"personal","tenantId":"72f988bf-0000-41af-91ab-2d7cd011db47","id":"a:1xyz"},
         "recipient":{"id":"28:bot-app-id","name":"ClosureBot"},
         "entities":[{"mentioned":{"id":"28:bot-app-id","name":"ClosureBot"},"text":"<at>ClosureBot</at>","type":"mention"},
                     {"locale":"en-GB","country":"GB","platform":"Web","timezone":"Europe/London","type":"clientInfo"}],
         "channelData":{"tenant":{"id":"72f988bf-0000-41af-91ab-2d7cd011db47"}},"locale":"en-GB","localTimezone":"Europe/London"}
        """;

    private const string ConversationUpdate = """
        {"type":"conversationUpdate","id":"f:1","timestamp":"2026-12-07T11:00:00Z","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/",
         "from":{"id":"29:1abc","aadObjectId":"6a1c2d3e-0000-4f5e-9a8b-1c2d3e4f5a6b"},"conversation":{"isGroup":true,"conversationType":"channel","id":"19:abc@thread.tacv2","name":"Finance"},
         "recipient":{"id":"28:bot-app-id","name":"ClosureBot"},"membersAdded":[{"id":"28:bot-app-id"},{"id":"29:1abc","name":"Ada"}],"membersRemoved":null,
         "topicName":"Finance","historyDisclosed":false,"channelData":{"team":{"id":"19:team"},"eventType":"teamMemberAdded"}}
        """;

    private const string CardSubmit = """
        {"type":"message","channelId":"directline","from":{"id":"u1","name":"Guest","role":"user","extra":[1,2]},"conversation":{"id":"c1","extra":null},
         "recipient":{"id":"bot"},"value":{"action":"done","step":2,"nested":{"a":[true,false,null,1.5e3]}},"replyToId":"r1","locale":"en-US",
         "deliveryMode":"expectReplies","Extra":{"x":"y"},"additionalProperties":{"p":1},"properties":"kept"}
        """;

    private const string Invoke = """
        {"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"done","data":{"step":"servers"}},"trigger":"manual"},
         "channelId":"msteams","from":{"id":"29:1abc"},"conversation":{"id":"a:1"},"recipient":{"id":"28:bot"},"relatesTo":{"activityId":"x","channelId":"msteams"},
         "reactionsAdded":[{"type":"like"}],"reactionsRemoved":[{"type":"heart","extra":1}],"listenFor":["yes","no",null],"textHighlights":[{"text":"ACME","occurrence":1}],
         "semanticAction":{"id":"s1","state":"start","entities":{"alias":{"type":"alias","value":"ACME"}}},"suggestedActions":{"to":["u1"],"actions":[{"type":"imBack","title":"Yes","value":"yes"}]},
         "expiration":"2026-12-08T00:00:00+02:00","importance":"high","inputHint":"expectingInput","summary":"s","speak":"<speak>hi</speak>","label":"l","valueType":"t",
         "code":"completedSuccessfully","action":"add","callerId":"urn:botframework:azure","attachmentLayout":"carousel",
         "attachments":[null,{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":"https://x/y","name":"card","thumbnailUrl":"https://x/t","content":{"type":"AdaptiveCard","body":[]},"extra":"e"}],
         "entities":[null,{"type":"clientInfo"}],"membersAdded":[null]}
        """;

    private static readonly string[] Activities = [WebChatMessage, TeamsMessage, ConversationUpdate, CardSubmit, Invoke];

    public static TheoryData<string> Realistic() => [.. Activities];

    [Theory]
    [MemberData(nameof(Realistic))]
    public void Deserialize_WhatChannelsSend_IsReadByHand_AsTheOptionsReadIt(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.True(ActivityJson.TryDeserializeByHand(utf8, out var byHand), "the hand reader left a channel's activity to the options");
        AssertSame(utf8);
        AssertEquivalent(JsonSerializer.Deserialize<Activity>(utf8, ActivityJson.ReadOptions), byHand, "$");
    }

    [Fact]
    public void Deserialize_EveryPropertySet_IsReadByHand_AsTheOptionsReadIt()
    {
        // An activity with every property of every type given a value, written by the options.
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(ActivityJsonTests.Filled<Activity>(3), ProtocolJson.Options);

        Assert.True(ActivityJson.TryDeserializeByHand(utf8, out _));
        AssertSame(utf8);
    }

    [Fact]
    public void Deserialize_EachPropertyBrokenInEachWay_GivesWhatTheOptionsGive()
    {
        var cases = 0;
        foreach (var json in Activities)
        {
            foreach (var variant in Variants(JsonNode.Parse(json)!.AsObject()))
            {
                AssertSame(Encoding.UTF8.GetBytes(variant));
                cases++;
            }
        }
        Assert.True(cases > 1000, $"{cases} variants");
    }

    public static TheoryData<string> Odd() =>
    [
        "null", " null ", "", " ", "[]", "5", "\"message\"", "true", "{}", "{} ", "{}{}", "{} x", "{\"type\":\"message\"", "{\"type\":\"message\",}",
        "{\"type\":\"message\"/*c*/}", "\uFEFF{\"type\":\"message\"}", "{\"type\":\"message\"}\n\t", "{\"type\":\"message\",\"type\":\"typing\"}",
        "{\"Type\":\"message\",\"type\":\"typing\"}", "{\"type\":\"message\",\"TYPE\":\"typing\"}", "{\"\\u0074ype\":\"message\"}", "{\"t\\u0079pe\":5}",
        "{\"x\":1,\"x\":2}", "{\"x\":1,\"X\":2}", "{\"\\u0078\":1,\"x\":2}", "{\"from\":{\"id\":\"a\",\"id\":\"b\"}}", "{\"from\":{\"ID\":\"a\"}}",
        "{\"from\":{\"x\":1,\"x\":2}}", "{\"entities\":[{\"type\":\"a\",\"Type\":\"b\"}]}", "{\"entities\":[{\"type\":1}]}", "{\"entities\":[\"mention\"]}",
        "{\"entities\":{}}", "{\"membersAdded\":[[]]}", "{\"attachments\":[{\"content\":5}]}", "{\"attachments\":[{\"content\":\"x\"}]}",
        "{\"timestamp\":\"2026-12-07\"}", "{\"timestamp\":\"2026-12-07T10:11:12\"}", "{\"timestamp\":\"7 December 2026\"}", "{\"timestamp\":\"\"}",
        "{\"timestamp\":1733569872}", "{\"localTimestamp\":\"2026-12-07T10:11:12.1234567-08:00\"}", "{\"expiration\":\"2026-12-07T10:11:12.123Z\"}",
        "{\"historyDisclosed\":\"true\"}", "{\"historyDisclosed\":1}", "{\"conversation\":{\"isGroup\":\"false\"}}", "{\"text\":5}", "{\"text\":[\"a\"]}",
        "{\"text\":\"\\ud800\"}", "{\"text\":\"a\\u0000b\"}", "{\"channelData\":5}", "{\"channelData\":null}", "{\"value\":\"text\"}",
        "{\"textHighlights\":[{\"occurrence\":\"2\"}]}", "{\"textHighlights\":[{\"occurrence\":\"two\"}]}", "{\"listenFor\":[1]}",
        "{\"semanticAction\":{\"entities\":[]}}", "{\"relatesTo\":\"x\"}", "{\"suggestedActions\":{\"actions\":{}}}",
        "{\"type\":\"message\",\"additionalProperties\":{\"a\":1}}", "{\"from\":{\"additionalProperties\":1}}", "{\"entities\":[{\"properties\":{}}]}",
    ];

    [Theory]
    [MemberData(nameof(Odd))]
    public void Deserialize_OddInput_GivesWhatTheOptionsGive(string json) => AssertSame(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Deserialize_InvalidUtf8AndDeepNesting_GiveWhatTheOptionsGive()
    {
        AssertSame([.. "{\"text\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        AssertSame([.. "{\""u8, 0xFF, .. "\":1}"u8]);
        AssertSame([.. "{\"x\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8]);
        foreach (var depth in new[] { ActivityLimits.MaxJsonDepth - 2, ActivityLimits.MaxJsonDepth - 1, ActivityLimits.MaxJsonDepth, ActivityLimits.MaxJsonDepth + 5 })
        {
            foreach (var property in new[] { "channelData", "value", "unknown" })
                AssertSame(Encoding.UTF8.GetBytes($"{{\"type\":\"message\",\"{property}\":{new string('[', depth)}{new string(']', depth)}}}"));
            AssertSame(Encoding.UTF8.GetBytes($"{{\"attachments\":[{{\"content\":{new string('[', depth)}{new string(']', depth)}}}]}}"));
        }
    }

    [Fact]
    public void TryDeserializeByHand_LeavesToTheOptions_WhatTheyMayReadOtherwise()
    {
        foreach (var json in new[] { "{\"Type\":\"message\"}", "{\"\\u0074ype\":\"message\"}", "{\"type\":\"a\",\"type\":\"b\"}", "{\"x\":1,\"x\":2}",
                     "{\"from\":{\"Id\":\"a\"}}", "{\"text\":5}", "{\"timestamp\":\"soon\"}", "{} {}", "[]" })
            Assert.False(ActivityJson.TryDeserializeByHand(Encoding.UTF8.GetBytes(json), out _), json);
        Assert.True(ActivityJson.TryDeserializeByHand("null"u8, out var none));
        Assert.Null(none);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"text\":\"done\"}")]
    [InlineData("{\"type\":\"message\",\"Type\":\"event\"}")]
    [InlineData("{\"type\":\"message\",\"from\":{\"id\":\"a\",\"id\":\"b\"}}")]
    [InlineData("{\"type\":\"message\",\"value\":{\"action\":\"done\",\"action\":\"confirm-close\"}}")]
    [InlineData("{\"type\":\"message\",\"x\":1,\"x\":2}")]
    public void Deserialize_APropertyGivenTwice_Throws(string json) =>
        Assert.Throws<JsonException>(() => ActivityJson.Deserialize(Encoding.UTF8.GetBytes(json)));

    // Each property of the activity, and of each object inside it, made null, given a value of each other kind, renamed in
    // other casing or escaped, and given twice; and an unknown property added, twice.
    private static IEnumerable<string> Variants(JsonObject activity)
    {
        JsonNode?[] kinds = [null, 5, "text", true, new JsonArray(), new JsonObject(), new JsonArray(new JsonObject()), new JsonArray("a"), new JsonArray((JsonNode?)null)];
        foreach (var (path, owner, name) in Properties(activity, "$"))
        {
            var original = owner[name];
            foreach (var kind in kinds)
            {
                owner[name] = kind?.DeepClone();
                yield return activity.ToJsonString();
            }
            owner[name] = original;
            foreach (var renamed in new[] { name.ToUpperInvariant(), char.ToUpperInvariant(name[0]) + name[1..] })
            {
                if (renamed == name) continue;
                yield return activity.ToJsonString().Replace($"\"{name}\":", $"\"{renamed}\":");
            }
            var json = activity.ToJsonString();
            yield return json.Replace($"\"{name}\":", $"\"\\u{(int)name[0]:x4}{name[1..]}\":");
            var at = json.IndexOf($"\"{name}\":", StringComparison.Ordinal);
            yield return json.Insert(at, $"\"{name}\":null,");
            yield return json.Insert(at, $"\"{name}\":{original?.ToJsonString() ?? "null"},");
            yield return json.Insert(at, $"\"{name.ToUpperInvariant()}x\":1,\"{name.ToUpperInvariant()}x\":2,");
        }
    }

    private static IEnumerable<(string Path, JsonObject Owner, string Name)> Properties(JsonObject obj, string path)
    {
        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            yield return ($"{path}.{name}", obj, name);
            var value = obj[name];
            if (value is JsonObject child)
            {
                foreach (var inner in Properties(child, $"{path}.{name}")) yield return inner;
            }
            else if (value is JsonArray array)
            {
                foreach (var item in array.OfType<JsonObject>().ToList())
                {
                    foreach (var inner in Properties(item, $"{path}.{name}[]")) yield return inner;
                }
            }
        }
    }

    private static void AssertSame(byte[] json)
    {
        var text = Encoding.UTF8.GetString(json);
        Activity? expected = null, actual = null;
        JsonException? expectedError = null, actualError = null;
        try { expected = ActivityJson.DeserializeWithOptions(json); } catch (JsonException ex) { expectedError = ex; }
        try { actual = ActivityJson.Deserialize(json); } catch (JsonException ex) { actualError = ex; }

        if (expectedError is not null)
        {
            Assert.True(actualError is not null, $"the options refuse {text} ({expectedError.Message}), the reader did not");
            Assert.Equal(expectedError.Message, actualError.Message);
            Assert.Equal((expectedError.Path, expectedError.LineNumber, expectedError.BytePositionInLine),
                (actualError.Path, actualError.LineNumber, actualError.BytePositionInLine));
            return;
        }
        Assert.True(actualError is null, $"the reader refused {text}: {actualError?.Message}");
        AssertEquivalent(expected, actual, text);
    }

    // The same objects: every property of the protocol's types, lists item by item, dictionaries in order with the same
    // comparer, JSON values by their text and JSON trees also by their options, times with their offsets.
    private static void AssertEquivalent(object? expected, object? actual, string where)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{where}: {expected ?? "null"} against {actual ?? "null"}");
            return;
        }
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case string or bool or int:
                Assert.Equal(expected, actual);
                return;
            case DateTimeOffset time:
                Assert.Equal((time, time.Offset), ((DateTimeOffset)actual, ((DateTimeOffset)actual).Offset));
                return;
            case JsonElement element:
                var other = (JsonElement)actual;
                Assert.Equal(element.ValueKind, other.ValueKind);
                Assert.Equal(JsonMarshal.GetRawUtf8Value(element).ToArray(), JsonMarshal.GetRawUtf8Value(other).ToArray());
                return;
            case JsonNode node:
                Assert.Equal(node.ToJsonString(), ((JsonNode)actual).ToJsonString());
                Assert.Equal(node.Options?.PropertyNameCaseInsensitive, ((JsonNode)actual).Options?.PropertyNameCaseInsensitive);
                return;
            case IDictionary dictionary:
                var actualDictionary = (IDictionary)actual;
                Assert.Equal(dictionary.GetType().GetProperty("Comparer")?.GetValue(dictionary), actualDictionary.GetType().GetProperty("Comparer")?.GetValue(actualDictionary));
                Assert.Equal(dictionary.Keys.Cast<string>().ToList(), actualDictionary.Keys.Cast<string>().ToList());
                foreach (string key in dictionary.Keys) AssertEquivalent(dictionary[key], actualDictionary[key], $"{where}.{key}");
                return;
            case IList list:
                var actualList = (IList)actual;
                Assert.Equal(list.Count, actualList.Count);
                for (var i = 0; i < list.Count; i++) AssertEquivalent(list[i], actualList[i], $"{where}[{i}]");
                return;
        }
        Assert.True(expected.GetType().Namespace == typeof(Activity).Namespace, $"{where}: no comparison for {expected.GetType()}");
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            AssertEquivalent(property.GetValue(expected), property.GetValue(actual), $"{where}.{property.Name}");
    }
}
