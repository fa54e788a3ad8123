using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Hosting;

namespace ClosureBot.Protocol.Tests.Activities;

// Every bounded field: at its limit it passes, one past it the reader answers 400 naming the field.
public class ActivityLimitsTests
{
    private static JsonObject Message() => new()
    {
        ["type"] = "message", ["id"] = "a1", ["text"] = "hi", ["channelId"] = "webchat", ["locale"] = "en-US",
        ["from"] = new JsonObject { ["id"] = "u1", ["name"] = "Una" }, ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = "c1" },
    };

    private static ActivityReader.Result Parse(JsonObject activity) => ActivityReader.Parse(Encoding.UTF8.GetBytes(activity.ToJsonString()));

    public static TheoryData<string, int> StringFields => new()
    {
        { "text", ActivityLimits.MaxTextLength },
        { "speak", ActivityLimits.MaxTextLength },
        { "id", ActivityLimits.MaxIdLength },
        { "replyToId", ActivityLimits.MaxIdLength },
        { "conversation.id", ActivityLimits.MaxIdLength },
        { "from.id", ActivityLimits.MaxIdLength },
        { "recipient.id", ActivityLimits.MaxIdLength },
        { "from.name", ActivityLimits.MaxNameLength },
        { "from.aadObjectId", ActivityLimits.MaxIdLength },
        { "recipient.name", ActivityLimits.MaxNameLength },
        { "recipient.role", ActivityLimits.MaxNameLength },
        { "conversation.tenantId", ActivityLimits.MaxIdLength },
        { "channelId", ActivityLimits.MaxChannelIdLength },
        { "locale", ActivityLimits.MaxNameLength },
        { "name", ActivityLimits.MaxNameLength },
    };

    [Theory]
    [MemberData(nameof(StringFields))]
    public void Parse_StringAtLimit_Accepted_OnePastIt_Returns400(string field, int max)
    {
        var atLimit = Parse(With(Message(), field, new string('x', max)));
        var over = Parse(With(Message(), field, new string('x', max + 1)));

        Assert.Equal(200, atLimit.StatusCode);
        Assert.Equal(400, over.StatusCode);
        Assert.Null(over.Activity);
        Assert.Contains(field, over.Error!.Error.Message);
        Assert.DoesNotContain("xxxxxxxxxx", over.Error.Error.Message);
    }

    [Fact]
    public void Parse_TextTooLong_Returns400TextTooLong()
    {
        var result = Parse(With(Message(), "text", new string('1', ActivityLimits.MaxTextLength + 1)));

        Assert.Equal("TextTooLong", result.Error!.Error.Code);
    }

    [Theory]
    [InlineData("membersAdded", ActivityLimits.MaxMembers)]
    [InlineData("membersRemoved", ActivityLimits.MaxMembers)]
    [InlineData("entities", ActivityLimits.MaxEntities)]
    [InlineData("attachments", ActivityLimits.MaxAttachments)]
    public void Parse_ListAtLimit_Accepted_OnePastIt_Returns400(string field, int max)
    {
        JsonArray Items(int n) => new(Enumerable.Range(0, n).Select(i => (JsonNode)new JsonObject { ["id"] = $"m{i}", ["type"] = "t" }).ToArray());

        Assert.Equal(200, Parse(With(Message(), field, Items(max))).StatusCode);
        var over = Parse(With(Message(), field, Items(max + 1)));
        Assert.Equal(400, over.StatusCode);
        Assert.Equal("LimitExceeded", over.Error!.Error.Code);
    }

    [Theory]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    [InlineData("entities")]
    [InlineData("attachments")]
    [InlineData("listenFor")]
    public void Parse_NullInList_Returns400NullItem(string field)
    {
        var result = Parse(With(Message(), field, new JsonArray((JsonNode?)null)));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("NullItem", result.Error!.Error.Code);
    }

    [Fact]
    public void Parse_ValueOverMaxBytes_Returns400()
    {
        var value = new JsonObject { ["action"] = "done", ["pad"] = new string('v', ActivityLimits.MaxValueBytes) };

        var result = Parse(With(Message(), "value", value));

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("'value'", result.Error!.Error.Message);
    }

    [Fact]
    public void Parse_NestingDeeperThanMax_Returns400()
    {
        var json = "{\"type\":\"message\",\"value\":" + new string('[', ActivityLimits.MaxJsonDepth + 1) + new string(']', ActivityLimits.MaxJsonDepth + 1) + "}";

        var result = ActivityReader.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("MalformedJson", result.Error!.Error.Code);
    }

    private static JsonObject With(JsonObject activity, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var target = activity;
        foreach (var part in parts[..^1]) target = (JsonObject)(target[part] ??= new JsonObject());
        target[parts[^1]] = value;
        return activity;
    }
}
