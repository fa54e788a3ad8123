using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.RateLimits;

// Messages per conversation, with the default limit of 60 a minute in bursts of 20; never per address.
public sealed class MessageRateLimitTests
{
    [Fact]
    public async Task ApiMessages_BurstInOneConversation_21stRefused429WhileAnotherConversationIsServed()
    {
        await using var app = new BotApplicationFactory(defaultRateLimits: true);
        var busy = app.WebChat();
        for (var i = 0; i < 20; i++) await busy.Send("hi");

        using var refused = await PostAsync(busy, "hi");
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 1);
        var other = await busy.NewConversation().Send("I want to close my account");
        Assert.NotEmpty(other.Activities);

        app.Clock!.Advance(TimeSpan.FromSeconds(1));
        using var again = await PostAsync(busy, "hi");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task ApiMessages_ManyConversationsFromOneAddress_NoneRefused()
    {
        await using var app = new BotApplicationFactory(defaultRateLimits: true);
        var customer = app.WebChat();
        for (var i = 0; i < 40; i++)
        {
            var conversation = customer.NewConversation();
            for (var turn = 0; turn < 3; turn++)
            {
                using var response = await PostAsync(conversation, "hi");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task DirectLineActivities_BurstInOneConversation_21stRefused429WhileAnotherConversationIsServed()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["DirectLine:Secret"] = DirectLineTestHost.Secret },
            defaultRateLimits: true);
        var directLine = new DirectLineTestClient(app.CreateClient());
        var (busy, busyToken) = await directLine.GenerateAsync();
        for (var i = 0; i < 20; i++) await directLine.PostMessageAsync(busy, busyToken, "hi", $"client-{i}");

        using var refused = await directLine.SendAsync(HttpMethod.Post, $"/conversations/{busy}/activities", busyToken, Message("hi"));
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 1);
        var (other, otherToken) = await directLine.GenerateAsync();
        Assert.NotNull((await directLine.PostMessageAsync(other, otherToken, "hi"))["id"]);
    }

    private static Task<HttpResponseMessage> PostAsync(ConversationClient conversation, string text) =>
        conversation.Http.PostAsync("/api/messages", new StringContent(conversation.Message(text, null).ToJsonString(), Encoding.UTF8, "application/json"));

    private static string Message(string text) =>
        new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = new JsonObject { ["id"] = "dl_contract_user" } }.ToJsonString();
}
