using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

/// <summary>With normal delivery the replies go to the channel's Connector (<c>serviceUrl</c>), in order, once each.</summary>
public sealed class ConnectorDeliveryTests
{
    [Fact]
    public async Task NormalDelivery_RepliesArePostedToTheConnectorAsRepliesToTheMessage()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false);
        var ann = app.WebChat();

        var message = ConnectorMessage(ann, connector, "I want to close my account");
        using var response = await Post(app, message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, connector.Delivered.Count);
        foreach (var reply in connector.Delivered)
        {
            Assert.Equal(ann.ConversationId, reply.ConversationId);
            Assert.Equal((string?)message["id"], reply.ReplyToId);
            Assert.Equal((string?)message["id"], (string?)reply.Activity["replyToId"]);
            Assert.Equal(ann.UserId, (string?)reply.Activity["recipient"]!["id"]);
            Assert.Equal("bot", (string?)reply.Activity["from"]!["role"]);
        }
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)connector.Delivered[0].Activity["attachments"]![0]!["contentType"]);
        Assert.Equal("Shall we start?", connector.Delivered[1].Text);
    }

    [Fact]
    public async Task NormalDelivery_SeveralReplies_ArriveInOrder()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(ClosureBot.Offboarding.OffboardingSteps.DeleteServers));

        using var response = await Post(app, ConnectorMessage(ann, connector, "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Collection(connector.Delivered,
            help => Assert.StartsWith("Delete your running, stopped, paused and archived servers", help.Text),
            question => Assert.Equal(Script.Question(ClosureBot.Offboarding.OffboardingSteps.DeleteServers), question.Text));
    }

    [Fact]
    public async Task NormalDelivery_ConnectorThrottles_ReplyIsDeliveredOnceAfterRetryAfter()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false);
        var ann = app.WebChat();
        connector.ThrottleNext(retryAfterSeconds: 1);

        using var response = await Post(app, ConnectorMessage(ann, connector, "I want to close my account"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = connector.Requests.ToList();
        // The overview card is throttled once, then it and the question after it are delivered, each once.
        Assert.Equal([429, 200, 200], attempts.Select(a => a.Status));
        Assert.Equal([null, null, "Shall we start?"], attempts.Select(a => a.Text));
        Assert.Equal(2, connector.Delivered.Count);
        Assert.True(Stopwatch.GetElapsedTime(attempts[0].Timestamp, attempts[1].Timestamp) >= TimeSpan.FromMilliseconds(900),
            "The retry came before the Retry-After second was over.");
        // The turn itself ran once: the conversation moved on by one question only.
        (await ann.Send("yes")).Asks("Which account do you want to close?");
    }

    [Fact]
    public async Task NormalDelivery_ChannelRejectsTheReply_Answers200AndTheTurnStaysProcessed()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false);
        var ann = app.WebChat();
        connector.RejectNext(1);

        using var response = await Post(app, ConnectorMessage(ann, connector, "I want to close my account"));

        // The turn is saved and its replies wait in the outbox for a retry, so the channel is told the activity is done.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A 400 is not retried on the spot, and the turn itself was saved: the conversation is at the overview.
        Assert.Equal([400], connector.Requests.Select(r => r.Status));
        (await ann.Send("yes")).Asks("Which account do you want to close?");
    }

    [Fact]
    public async Task NormalDelivery_ServiceUrlNotAllowed_NothingIsPostedAnywhere()
    {
        await using var connector = await FakeConnector.StartAsync();
        // The operator allows only the Bot Framework's own hosts: the built-in 127.0.0.1 must no longer be allowed.
        await using var app = new BotApplicationFactory(fakeClock: false,
            settings: new Dictionary<string, string?> { ["Bot:AllowedServiceUrlHosts:0"] = "*.botframework.com" });
        var ann = app.WebChat();

        using var response = await Post(app, ConnectorMessage(ann, connector, "I want to close my account"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    private static JsonObject ConnectorMessage(ConversationClient client, FakeConnector connector, string text)
    {
        var message = client.Message(text, null);
        message["serviceUrl"] = connector.ServiceUrl;
        message.Remove("deliveryMode");
        return message;
    }

    private static async Task<HttpResponseMessage> Post(BotApplicationFactory app, JsonObject activity) =>
        await app.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
}
