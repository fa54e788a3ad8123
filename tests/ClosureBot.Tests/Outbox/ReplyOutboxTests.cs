using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Outbox;

/// <summary>
/// Each turn's replies are kept with its state: a redelivered activity gets the replies of its turn again (in the body,
/// or re-sent to the Connector when it had not taken them), and the activity is never processed twice within the window.
/// </summary>
public class ReplyOutboxTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task Redelivery_ExpectReplies_ReturnsTheStoredRepliesOfItsTurn()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var done = ann.Message("done", null);
        var first = await ann.Deliver(done);

        // The channel never saw that answer (the connection dropped) and sends the same activity again.
        var again = await ann.Deliver(done);

        Assert.Equal(first.Activities.Select(a => a.ToJsonString()), again.Activities.Select(a => a.ToJsonString()));
        again.Says("Step 2 of 5");
        (await ann.Send("status")).Says("You're at Step 2 of 5");
    }

    [Fact]
    public async Task Redelivery_After33OtherActivities_IsStillNotProcessedAgain()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var done = ann.Message("done", null);
        (await ann.Deliver(done)).Says("Step 2 of 5");
        for (var i = 0; i < 33; i++) await ann.Send("status");

        (await ann.Deliver(done)).Says("Step 2 of 5").DoesNotSay("Continue anyway?");

        (await ann.Send("status")).Says("You're at Step 2 of 5");
    }

    [Fact]
    public async Task ConnectorRejectsTheReply_Answers200AndARedeliveryReSendsOnlyWhatWasNotTaken()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        var message = ConnectorMessage(ann, connector, "I want to close my account");
        connector.RejectNext(1);

        using var refused = await Post(app, message);
        using var redelivered = await Post(app, message);
        using var redeliveredAgain = await Post(app, message);

        // The turn is saved and its replies are in the outbox: the channel is told so, not asked to retry.
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redeliveredAgain.StatusCode);
        Assert.Equal([400, 200, 200], connector.Requests.Select(r => r.Status));
        Assert.Equal([null, "Shall we start?"], connector.Delivered.Select(r => r.Text));
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)connector.Delivered[0].Activity["attachments"]![0]!["contentType"]);
        (await ann.Send("yes")).Asks("Which account do you want to close?");
    }

    [Fact]
    public async Task ConnectorDelivery_CallerHangsUpWhileTheFirstReplyIsInFlight_EveryReplyStillArrives()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        var gate = connector.HoldNext(out var arrived);
        using var hangUp = new CancellationTokenSource();
        using var content = new StringContent(ConnectorMessage(ann, connector, "I want to close my account").ToJsonString(), Encoding.UTF8, "application/json");

        var posting = app.CreateClient().PostAsync("/api/messages", content, hangUp.Token);
        await arrived.WaitAsync(TimeSpan.FromSeconds(10));
        await hangUp.CancelAsync();
        gate.SetResult();

        await connector.WaitForDeliveredAsync(2, TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        Assert.Equal([null, "Shall we start?"], connector.Delivered.Select(r => r.Text));
    }

    internal static JsonObject ConnectorMessage(ConversationClient client, FakeConnector connector, string text)
    {
        var message = client.Message(text, null);
        message["serviceUrl"] = connector.ServiceUrl;
        message.Remove("deliveryMode");
        return message;
    }

    internal static async Task<HttpResponseMessage> Post(BotApplicationFactory app, JsonObject activity) =>
        await app.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
}
