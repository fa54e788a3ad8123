using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Protocol.Tests.Activities;

public class ActivitySerializationTests
{
    // Every field of the swagger Activity definition, plus unknown fields at the top level and nested in the
    // objects that keep them (from, recipient, conversation, attachments, entities, relatesTo, suggested actions).
    private const string EveryField = """
        {
          "type": "message",
          "id": "act-1",
          "timestamp": "2026-11-29T06:50:30.123Z",
          "localTimestamp": "2026-11-29T07:50:30.123+01:00",
          "localTimezone": "Europe/Berlin",
          "callerId": "urn:botframework:azure",
          "serviceUrl": "https://smba.trafficmanager.net/teams/",
          "channelId": "msteams",
          "from": { "id": "29:user", "name": "Ada", "aadObjectId": "aad-user", "role": "user", "userPrincipalName": "ada@contoso.com" },
          "conversation": { "id": "a:conv", "name": "chat", "isGroup": false, "conversationType": "personal", "tenantId": "tenant-1", "aadObjectId": "aad-conv", "role": "user", "isShared": true },
          "recipient": { "id": "28:bot", "name": "ClosureBot", "role": "bot", "agenticAppId": "agent-1" },
          "textFormat": "markdown",
          "attachmentLayout": "carousel",
          "membersAdded": [ { "id": "29:new", "name": "Bo" } ],
          "membersRemoved": [ { "id": "29:old" } ],
          "reactionsAdded": [ { "type": "like", "createdDateTime": "2026-11-29T06:50:30Z" } ],
          "reactionsRemoved": [ { "type": "plusOne" } ],
          "topicName": "Closing",
          "historyDisclosed": false,
          "locale": "en-GB",
          "text": "Close my account",
          "speak": "<speak>Close my account</speak>",
          "inputHint": "acceptingInput",
          "summary": "a card",
          "suggestedActions": { "to": [ "29:user" ], "actions": [ { "type": "imBack", "title": "Yes", "image": "https://x/y.png", "imageAltText": "tick", "text": "yes", "displayText": "Yes!", "value": "yes", "channelData": { "k": 1 }, "isPrimary": true } ] },
          "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": "https://x/card.json", "content": { "type": "AdaptiveCard", "version": "1.5", "body": [] }, "name": "card", "thumbnailUrl": "https://x/t.png", "attachmentId": "att-9" } ],
          "entities": [ { "type": "clientInfo", "locale": "en-GB", "country": "GB", "platform": "Web", "timezone": "Europe/London" } ],
          "channelData": { "tenant": { "id": "tenant-1" }, "nested": [ 1, 2, { "deep": true } ] },
          "action": "add",
          "replyToId": "act-0",
          "label": "trace label",
          "valueType": "https://schema/x",
          "value": { "action": "yes", "count": 3 },
          "name": "adaptiveCard/action",
          "relatesTo": { "activityId": "act-0", "user": { "id": "29:user" }, "bot": { "id": "28:bot" }, "conversation": { "id": "a:conv" }, "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/teams/", "locale": "en-GB", "extra": "kept" },
          "code": "completedSuccessfully",
          "expiration": "2026-12-01T00:00:00Z",
          "importance": "high",
          "deliveryMode": "expectReplies",
          "listenFor": [ "yes", "no" ],
          "textHighlights": [ { "text": "Close", "occurrence": 1 } ],
          "semanticAction": { "id": "sa-1", "state": "start", "entities": { "e1": { "type": "thing", "prop": "v" } } },
          "unknownTopLevel": { "a": [ 1, "b" ] },
          "unknownScalar": 42
        }
        """;

    [Fact]
    public void Activity_RoundTripEveryFieldAndUnknownFields_JsonIsUnchanged()
    {
        var original = JsonNode.Parse(EveryField)!;

        var activity = JsonSerializer.Deserialize<Activity>(EveryField, ProtocolJson.Options)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!;

        // Compare field by field first so a failure names the field that was lost or changed.
        foreach (var (name, value) in original.AsObject())
            Assert.True(JsonNode.DeepEquals(value, written[name]), $"Field '{name}' changed: {value?.ToJsonString()} -> {written[name]?.ToJsonString()}");
        Assert.Equal(original.AsObject().Select(p => p.Key).Order(), written.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public void Activity_Deserialize_SchemaFieldsAreTypedAndUnknownFieldsKept()
    {
        var activity = JsonSerializer.Deserialize<Activity>(EveryField, ProtocolJson.Options)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 6, 50, 30, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("aad-user", activity.From!.AadObjectId);
        Assert.Equal("tenant-1", activity.Conversation!.TenantId);
        Assert.Equal("personal", activity.Conversation.ConversationType);
        Assert.Equal("ada@contoso.com", activity.From.AdditionalProperties!["userPrincipalName"].GetString());
        Assert.True(activity.Conversation.AdditionalProperties!["isShared"].GetBoolean());
        Assert.Equal("att-9", activity.Attachments![0].AdditionalProperties!["attachmentId"].GetString());
        Assert.Equal("GB", activity.Entities![0].Properties!["country"].GetString());
        Assert.Equal(42, activity.AdditionalProperties!["unknownScalar"].GetInt32());
        Assert.Equal("yes", activity.GetValueString("action"));
        Assert.Equal(1, activity.TextHighlights![0].Occurrence);
        Assert.Equal("v", activity.SemanticAction!.Entities!["e1"].Properties!["prop"].GetString());
    }

    [Fact]
    public void Activity_Serialize_WritesCamelCaseAndOmitsNulls()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "hi",
            ReplyToId = "1",
            From = new ChannelAccount { Id = "bot", AadObjectId = "aad" },
            Conversation = new ConversationAccount { Id = "c", TenantId = "t" },
        };

        var json = JsonSerializer.Serialize(activity, ProtocolJson.Options);

        Assert.Equal("""{"type":"message","from":{"id":"bot","aadObjectId":"aad"},"conversation":{"id":"c","tenantId":"t"},"text":"hi","replyToId":"1"}""", json);
    }

    [Fact]
    public void Activity_SerializeText_DoesNotEscapeHtmlOrNonAscii()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = "message", Text = "<at>Zoë</at> & 'sí'" }, ProtocolJson.Options);

        Assert.Contains("\"text\":\"<at>Zoë</at> & 'sí'\"", json);
    }

    [Fact]
    public void Activity_WebChatMessage_ParsesClientActivityIdAndCapabilities()
    {
        const string payload = """
            {
              "type": "message",
              "id": "Jm3xkW5Vu9x1aDx5zYhO4p-o|0000001",
              "timestamp": "2026-11-29T06:51:02.7541234Z",
              "localTimestamp": "2026-11-29T07:51:02.653+01:00",
              "localTimezone": "Europe/Berlin",
              "serviceUrl": "https://directline.botframework.com/",
              "channelId": "webchat",
              "from": { "id": "dl_f3a1c2", "name": "", "role": "user" },
              "conversation": { "id": "Jm3xkW5Vu9x1aDx5zYhO4p-o" },
              "recipient": { "id": "closurebot@abc", "name": "ClosureBot" },
              "textFormat": "plain",
              "locale": "de-DE",
              "text": "Konto schließen",
              "entities": [
                { "type": "ClientCapabilities", "requiresBotState": true, "supportsListening": true, "supportsTts": true }
              ],
              "channelData": { "clientActivityID": "1732862000000abcdef", "clientTimestamp": "2026-11-29T06:51:02.653Z" }
            }
            """;

        var activity = JsonSerializer.Deserialize<Activity>(payload, ProtocolJson.Options)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal(Channels.WebChat, activity.ChannelId);
        Assert.Equal("Konto schließen", activity.Text);
        Assert.Equal("1732862000000abcdef", activity.ChannelData!["clientActivityID"]!.GetValue<string>());
        var capabilities = Assert.Single(activity.Entities!);
        Assert.Equal("ClientCapabilities", capabilities.Type);
        Assert.True(capabilities.Properties!["requiresBotState"].GetBoolean());
        Assert.True(capabilities.Properties["supportsTts"].GetBoolean());
    }

    [Fact]
    public void Activity_TeamsMessage_ParsesAadObjectIdAndTenant()
    {
        const string payload = """
            {
              "text": "<at>ClosureBot</at> close my account",
              "textFormat": "plain",
              "attachments": [ { "contentType": "text/html", "content": "<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">ClosureBot</span> close my account</div></div>" } ],
              "type": "message",
              "timestamp": "2026-11-29T06:52:10.1234567Z",
              "localTimestamp": "2026-11-29T07:52:10.1234567+01:00",
              "id": "1732863130123",
              "channelId": "msteams",
              "serviceUrl": "https://smba.trafficmanager.net/emea/",
              "from": { "id": "29:1abcDEF", "name": "Ada Lovelace", "aadObjectId": "6f1b2d3c-0000-4000-8000-000000000001" },
              "conversation": { "conversationType": "personal", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "id": "a:1xyzPersonalChat" },
              "recipient": { "id": "28:bot-app-id", "name": "ClosureBot" },
              "entities": [
                { "mentioned": { "id": "28:bot-app-id", "name": "ClosureBot" }, "text": "<at>ClosureBot</at>", "type": "mention" },
                { "locale": "en-GB", "country": "GB", "platform": "Windows", "timezone": "Europe/London", "type": "clientInfo" }
              ],
              "channelData": { "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" } },
              "locale": "en-GB",
              "localTimezone": "Europe/London"
            }
            """;

        var activity = JsonSerializer.Deserialize<Activity>(payload, ProtocolJson.Options)!;

        Assert.Equal("6f1b2d3c-0000-4000-8000-000000000001", activity.From!.AadObjectId);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.Conversation!.TenantId);
        Assert.Equal("personal", activity.Conversation.ConversationType);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.ChannelData!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("mention", activity.Entities![0].Type);
        Assert.Equal("28:bot-app-id", activity.Entities[0].Properties!["mentioned"].GetProperty("id").GetString());
        Assert.Equal("text/html", activity.Attachments![0].ContentType);
        Assert.IsAssignableFrom<JsonValue>(activity.Attachments[0].Content);
    }

    [Fact]
    public void Activity_ActionSubmitPostBack_ParsesValueWithoutText()
    {
        const string payload = """
            {
              "type": "message",
              "id": "Jm3xkW5Vu9x1aDx5zYhO4p-o|0000004",
              "channelId": "webchat",
              "serviceUrl": "https://directline.botframework.com/",
              "from": { "id": "dl_f3a1c2", "role": "user" },
              "conversation": { "id": "Jm3xkW5Vu9x1aDx5zYhO4p-o" },
              "recipient": { "id": "closurebot@abc" },
              "locale": "en-US",
              "value": { "action": "yes", "reason": "moving abroad", "confirmed": true },
              "channelData": { "postBack": true, "clientActivityID": "1732862000099zzz" }
            }
            """;

        var activity = JsonSerializer.Deserialize<Activity>(payload, ProtocolJson.Options)!;

        Assert.Null(activity.Text);
        Assert.Equal("yes", activity.GetValueString("action"));
        Assert.Equal("moving abroad", activity.GetValueString("reason"));
        Assert.Null(activity.GetValueString("confirmed"));
        Assert.True(activity.ChannelData!["postBack"]!.GetValue<bool>());
    }

    [Fact]
    public void Activity_SerializeUtcTimes_WritesExplicitZAndKeepsLocalOffset()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = new DateTimeOffset(2026, 11, 29, 7, 50, 30, TimeSpan.FromHours(1)),
            LocalTimestamp = new DateTimeOffset(2026, 11, 29, 7, 50, 30, TimeSpan.FromHours(1)),
            Expiration = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!;

        Assert.Equal("2026-11-29T06:50:30Z", json["timestamp"]!.GetValue<string>());
        Assert.Equal("2026-11-29T07:50:30+01:00", json["localTimestamp"]!.GetValue<string>());
        Assert.Equal("2026-12-01T00:00:00Z", json["expiration"]!.GetValue<string>());
    }
}
