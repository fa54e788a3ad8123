using System.Text;
using System.Text.Json;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Performance;

/// <summary>
/// The load command's bare floor (<c>tests/ClosureBot.LoadTest.Floor</c>) answers each turn of the walk with a body the
/// size ClosureBot's has, from <c>reply-sizes.json</c>. If the bot's replies grow or shrink, the floor would do less or
/// more than a real turn, and every comparison with it would be off: this walks the bot as the load command does and
/// holds the file to what the bot sends.
/// </summary>
public sealed class FloorReplySizesTests
{
    // The load command's ids: "load-" with an 8-character run id and the customer's number, and a walk number.
    private const string UserId = "load-0123abcd-12";
    private const string ConversationId = UserId + "-walk-100";

    [Fact]
    public async Task CanonicalWalk_AsTheLoadCommandSendsIt_RepliesWithinFivePercentOfTheFloorsSizes()
    {
        await using var app = new BotApplicationFactory();
        var http = app.CreateClient();
        var expected = FloorSizes();
        string[] walk = ["I want to close my account", "yes", "ACME", "no", "done", "done", "yes", "done", "yes", "ACME"];
        Assert.Equal(walk.Length, expected.Length);

        var actual = new List<int>();
        for (var turn = 0; turn < walk.Length; turn++)
        {
            using var response = await http.PostAsync("/api/messages", new StringContent(Activity(turn, walk[turn]), Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            actual.Add((await response.Content.ReadAsByteArrayAsync()).Length);
        }

        for (var turn = 0; turn < walk.Length; turn++)
            Assert.True(Math.Abs(actual[turn] - expected[turn]) <= expected[turn] * 0.05,
                $"Turn {turn + 1} (\"{walk[turn]}\"): the bot replied with {actual[turn]} bytes, the floor sends {expected[turn]}. " +
                $"Update replyBytes in tests/ClosureBot.LoadTest.Floor/reply-sizes.json to [{string.Join(", ", actual)}].");
    }

    private static int[] FloorSizes()
    {
        using var sizes = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.TestsFolder, "ClosureBot.LoadTest.Floor", "reply-sizes.json")));
        return sizes.RootElement.GetProperty("replyBytes").EnumerateArray().Select(size => size.GetInt32()).ToArray();
    }

    // The activity the load command's customer writes (tests/ClosureBot.LoadTest/Customer.cs), field for field.
    private static string Activity(int turn, string text) => JsonSerializer.Serialize(new
    {
        type = "message",
        id = $"{ConversationId}-{turn + 1}",
        timestamp = BotApplicationFactory.Start,
        channelId = "webchat",
        serviceUrl = "https://webchat.botframework.com/",
        from = new { id = UserId, name = "Load Customer", role = "user" },
        recipient = new { id = "closurebot", name = "ClosureBot", role = "bot" },
        conversation = new { id = ConversationId },
        text,
        textFormat = "plain",
        locale = "en-US",
        deliveryMode = "expectReplies",
    });
}
