using System.Net;
using ClosureBot.Offboarding;
using ClosureBot.Outbox;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Outbox;

/// <summary>The outbox worker retries what the channel refused, with backoff, gives up after the maximum age, and forgets ids after the window.</summary>
public class OutboxDeliveryWorkerTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task RunOnce_RefusedReplies_AreDeliveredOnceWhenTheirRetryIsDue()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(storage: Storage);
        var worker = app.Services.GetRequiredService<OutboxDeliveryWorker>();
        var ann = app.WebChat();
        connector.RejectNext(1);
        using var response = await ReplyOutboxTests.Post(app, ReplyOutboxTests.ConnectorMessage(ann, connector, "I want to close my account"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Empty(connector.Delivered);
        app.Clock!.Advance(TimeSpan.FromSeconds(31));
        await worker.RunOnceAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal([400, 200, 200], connector.Requests.Select(r => r.Status));
        Assert.Equal([null, "Shall we start?"], connector.Delivered.Select(r => r.Text));
    }

    [Fact]
    public async Task RunOnce_ChannelKeepsRefusing_RetriesWithGrowingWaitsThenGivesUp()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(storage: Storage);
        var worker = app.Services.GetRequiredService<OutboxDeliveryWorker>();
        var ann = app.WebChat();
        connector.RejectNext(1000);
        await ReplyOutboxTests.Post(app, ReplyOutboxTests.ConnectorMessage(ann, connector, "I want to close my account"));

        var attemptsAt = new List<int>();
        for (var second = 0; second <= 2 * 3600; second += 15)
        {
            var before = connector.Requests.Count;
            await worker.RunOnceAsync(CancellationToken.None);
            if (connector.Requests.Count > before) attemptsAt.Add(second);
            app.Clock!.Advance(TimeSpan.FromSeconds(15));
        }

        // 30 s after the turn, then waits of 60 s, 120 s, 240 s, 480 s, then 10 min (the cap) until the hour is over.
        Assert.Equal([30, 90, 210, 450, 930, 1530, 2130, 2730, 3330], attemptsAt);
        Assert.Empty(connector.Delivered);
    }

    [Fact]
    public async Task Redelivery_AfterTheDuplicateWindow_IsProcessedAsANewActivity()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var worker = app.Services.GetRequiredService<OutboxDeliveryWorker>();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var done = ann.Message("done", null);
        (await ann.Deliver(done)).Says("Step 2 of 5");

        app.Clock!.Advance(TimeSpan.FromHours(23));
        await worker.RunOnceAsync(CancellationToken.None);
        (await ann.Deliver(done)).Says("Step 2 of 5").DoesNotSay("Continue anyway?");
        app.Clock.Advance(TimeSpan.FromHours(2));
        await worker.RunOnceAsync(CancellationToken.None);

        (await ann.Deliver(done)).Asks("6 servers remain and keep incurring charges");
    }

    [Fact]
    public async Task Redelivery_SecondReplyRefused_OnlyTheSecondIsSentAgain()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new BotApplicationFactory(storage: Storage);
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        var help = ReplyOutboxTests.ConnectorMessage(ann, connector, "help");
        connector.AcceptNext();
        connector.RejectNext(1);

        await ReplyOutboxTests.Post(app, help);
        await ReplyOutboxTests.Post(app, help);

        Assert.Equal([200, 400, 200], connector.Requests.Select(r => r.Status));
        Assert.Collection(connector.Delivered,
            first => Assert.StartsWith("Delete your running, stopped, paused and archived servers", first.Text),
            second => Assert.Equal(Script.Question(OffboardingSteps.DeleteServers), second.Text));
    }
}
