using System.Net;
using System.Text.Json.Nodes;
using ClosureBot.Channels.Teams;
using ClosureBot.Offboarding;
using ClosureBot.Protocol.Activities;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Channels.Teams;

/// <summary>
/// Teams turns over HTTP with the channel's payloads and normal delivery, the replies going to a fake Connector:
/// install, scope, card buttons and updates, Action.Execute, typing, throttling and proactive messages. (Not real Teams.)
/// </summary>
public class TeamsConversationTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task Install_InstallationUpdateThenConversationUpdate_WelcomesOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage);
        var chat = new TeamsChat(app, connector);

        Assert.Equal(HttpStatusCode.OK, (await chat.PostPayload("teams-installation-update.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chat.PostPayload("teams-conversation-update.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chat.PostPayload("teams-conversation-update.json")).StatusCode);

        var welcome = Assert.Single(chat.Messages);
        Assert.Contains("Start account closure", welcome.Activity.ToJsonString());
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task GroupChat_Message_IsRefusedPolitelyWithALinkToAPersonalChat(string conversationType)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage, settings: TeamsChat.Trusting(
            ("Teams:TenantAccounts:" + TeamsChat.TenantId + ":Accounts:0", "ACME")));
        var chat = new TeamsChat(app, connector, conversationType);

        await chat.Send("I want to close my account");
        await chat.Send("yes");

        Assert.Equal(2, chat.Messages.Count);
        Assert.All(chat.Messages, m =>
        {
            Assert.Contains("personal chat", m.Text);
            Assert.Contains("https://teams.microsoft.com/l/chat/0/0?users=28%3A", m.Text);
            Assert.Null(m.Activity["attachments"]);
        });
    }

    [Fact]
    public async Task CardButtons_AreMessageBackWithTheTitleAsDisplayText_AndKeepTheirData()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.Teams();

        var overview = await ann.Send("I want to close my account");

        var yes = overview.SubmitData.Single(d => (string?)d["action"] == "yes");
        Assert.Equal("overview", (string?)yes["step"]);
        Assert.Equal("messageBack", (string?)yes["msteams"]!["type"]);
        Assert.Equal("Yes", (string?)yes["msteams"]!["displayText"]);
        Assert.Equal("yes", (string?)yes["msteams"]!["text"]);
        Assert.All(overview.SubmitData, d => Assert.Equal("messageBack", (string?)d["msteams"]?["type"]));
    }

    [Fact]
    public async Task WebChat_CardButtons_StayPlainSubmits()
    {
        await using var app = new BotApplicationFactory(storage: Storage);

        var overview = await app.WebChat().Send("I want to close my account");

        Assert.NotEmpty(overview.SubmitData);
        Assert.All(overview.SubmitData, d => Assert.Null(d["msteams"]));
    }

    [Fact]
    public async Task AnsweredCard_IsUpdatedInPlace_WithoutButtons()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage);
        var chat = new TeamsChat(app, connector);
        await chat.Send("I want to close my account");
        var card = chat.Messages.Single(m => m.Activity["attachments"] is not null);
        var cardId = CardId(card);
        var yes = SubmitData(card).Single(d => (string?)d["action"] == "yes");

        Assert.Equal(HttpStatusCode.OK, (await chat.Click(yes, cardId)).StatusCode);

        var update = Assert.Single(connector.Requests, r => r.Method == "PUT");
        Assert.Equal(cardId, update.ReplyToId);
        var updated = update.Activity["attachments"]![0]!["content"]!.ToJsonString();
        Assert.DoesNotContain("\"actions\"", updated);
        Assert.DoesNotContain("Action.Submit", updated);
        Assert.Contains("Answered: Yes", updated);
        Assert.Contains("Which account do you want to close?", string.Join("\n", chat.Messages.Select(m => m.Text)));
    }

    [Fact]
    public async Task TypedAnswer_MovingPastTheStep_UpdatesItsCardWithoutButtons()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage);
        var chat = new TeamsChat(app, connector);
        await chat.Send("I want to close my account");
        var cardId = CardId(chat.Messages.Single(m => m.Activity["attachments"] is not null));

        await chat.Send("yes");

        var update = Assert.Single(connector.Requests, r => r.Method == "PUT");
        Assert.Equal(cardId, update.ReplyToId);
        Assert.DoesNotContain("Action.Submit", update.Activity.ToJsonString());
        Assert.Contains("Answered: yes", update.Activity.ToJsonString());
    }

    [Fact]
    public async Task QuestionAtTheSameStep_LeavesTheCardsButtons()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage);
        var chat = new TeamsChat(app, connector);
        await chat.Send("I want to close my account");

        await chat.Send("how long does it take?");

        Assert.DoesNotContain(connector.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task ActionExecute_IsAnsweredWithTheCompletedCard_AndAdvancesLikeTheSubmit()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage);
        var chat = new TeamsChat(app, connector);
        await chat.Send("I want to close my account");
        var cardId = CardId(chat.Messages.Single(m => m.Activity["attachments"] is not null));

        using var response = await chat.PostPayload("teams-invoke-action.json", a => a["replyToId"] = cardId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TeamsChat.BodyOf(response);
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
        Assert.DoesNotContain("\"actions\"", body["value"]!.ToJsonString());
        Assert.Contains("Which account do you want to close?", string.Join("\n", chat.Messages.Select(m => m.Text)));
        Assert.DoesNotContain(connector.Requests, r => r.Method == "PUT" && r.ReplyToId == cardId);
    }

    [Fact]
    public async Task MessageTurn_SendsTypingBeforeTheReplies()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage);
        var chat = new TeamsChat(app, connector);

        await chat.Send("I want to close my account");

        var types = connector.Requests.Select(r => (string?)r.Activity["type"]).ToList();
        Assert.Equal("typing", types[0]);
        Assert.Contains("message", types.Skip(1));
    }

    [Fact]
    public async Task ConnectorThrottles_ReplyIsRetriedAfterRetryAfter_AndDeliveredOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage);
        var chat = new TeamsChat(app, connector);
        connector.AcceptNext();          // the typing indicator
        connector.ThrottleNext(retryAfterSeconds: 1);

        Assert.Equal(HttpStatusCode.OK, (await chat.Send("I want to close my account")).StatusCode);

        Assert.Contains(connector.Requests, r => r.Status == 429);
        var messages = connector.Delivered.Where(r => (string?)r.Activity["type"] == "message").ToList();
        Assert.Equal(2, messages.Count);
        Assert.Single(messages, m => m.Text == "Shall we start?");
    }

    [Fact]
    public async Task Proactive_OnStoredReference_IsDeliveredToTheConversation()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage);
        var chat = new TeamsChat(app, connector);
        await chat.Send("hello");
        var messenger = app.Services.GetRequiredService<IProactiveMessenger>();

        var sent = await messenger.SendAsync(chat.ConversationKey, new Activity { Text = "A support agent has joined." });

        var delivered = connector.Requests.Last();
        Assert.Equal(chat.ConversationId, delivered.ConversationId);
        Assert.Null(delivered.ReplyToId);
        Assert.Equal("A support agent has joined.", delivered.Text);
        Assert.Equal("28:9c1e4b7a-2d3f-4a5b-8c6d-7e8f9a0b1c2d", (string?)delivered.Activity["from"]!["id"]);
        Assert.Equal(TeamsChat.TenantId, (string?)delivered.Activity["conversation"]!["tenantId"]);
        Assert.False(string.IsNullOrEmpty(sent.Id));
    }

    [Fact]
    public async Task Proactive_UnknownConversation_Throws()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var messenger = app.Services.GetRequiredService<IProactiveMessenger>();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => messenger.SendAsync("msteams/a:nobody", new Activity { Text = "hi" }));
    }

    [Fact]
    public async Task Proactive_Burst_StaysUnderSevenMessagesPerSecondPerConversation()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(fakeClock: false, storage: Storage);
        var chat = new TeamsChat(app, connector);
        await chat.Send("hello");
        var messenger = app.Services.GetRequiredService<IProactiveMessenger>();
        var before = connector.Requests.Count;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => messenger.SendAsync(chat.ConversationKey, new Activity { Text = $"update {i}" })));

        var stamps = connector.Requests.Skip(before).Select(r => r.Timestamp).Order().ToList();
        Assert.Equal(10, stamps.Count);
        // Any 8 consecutive sends span at least a second (a little less measured at the receiver, for network jitter).
        for (var i = 7; i < stamps.Count; i++)
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(stamps[i - 7], stamps[i]) >= TimeSpan.FromMilliseconds(900),
                $"8 messages within {System.Diagnostics.Stopwatch.GetElapsedTime(stamps[i - 7], stamps[i]).TotalMilliseconds} ms");
    }

    private static string CardId(FakeConnector.Received card) => card.ResponseId ?? throw new InvalidOperationException("The fake Connector gave this card no id.");

    private static IEnumerable<JsonObject> SubmitData(FakeConnector.Received card) =>
        card.Activity["attachments"]![0]!["content"]!["actions"]!.AsArray().Select(a => a!["data"]).OfType<JsonObject>();
}
