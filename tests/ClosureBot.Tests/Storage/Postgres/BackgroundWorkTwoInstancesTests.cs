using ClosureBot.Outbox;
using ClosureBot.Retention;
using ClosureBot.Tests.Outbox;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary>
/// The background work every instance runs, run by two instances on one PostgreSQL database at the same moment: each
/// refused reply is delivered once, and each ended support ticket is deleted, and counted, once.
/// </summary>
public sealed class BackgroundWorkTwoInstancesTests
{
    [Fact]
    public async Task OutboxWorker_TwoInstancesAtOnce_DeliverEachRefusedReplyOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var first = new BotApplicationFactory(storage: StorageProviders.Postgres);
        await using var second = first.SharingStorageWith();
        var customers = Enumerable.Range(0, 8).Select(_ => first.WebChat()).ToList();
        connector.RejectNext(customers.Count);
        foreach (var customer in customers)
            (await ReplyOutboxTests.Post(first, ReplyOutboxTests.ConnectorMessage(customer, connector, "I want to close my account"))).Dispose();
        first.Clock!.Advance(TimeSpan.FromSeconds(31));

        await Task.WhenAll(new[] { first, second }.Select(app => app.Services.GetRequiredService<OutboxDeliveryWorker>().RunOnceAsync(CancellationToken.None)));

        var delivered = connector.Delivered.Where(r => r.Text == "Shall we start?").ToList();
        Assert.Equal(customers.Count, delivered.Count);
        Assert.Equal(customers.Count, delivered.Select(r => r.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task Retention_TwoInstancesAtOnce_DeleteEachEndedHandoffOnce()
    {
        var settings = new Dictionary<string, string?> { ["Retention:Enabled"] = "false", ["Retention:BatchSize"] = "2" };
        await using var first = new BotApplicationFactory(settings: settings, storage: StorageProviders.Postgres);
        await using var second = first.SharingStorageWith();
        for (var i = 0; i < 7; i++)
        {
            var customer = (i % 2 == 0 ? first : second).WebChat();
            await customer.Send("talk to support");
            await customer.Send("cancel");
        }
        first.Clock!.Advance(TimeSpan.FromDays(91));

        var results = await Task.WhenAll(new[] { first, second }.Select(app =>
            app.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(first.Clock.GetUtcNow(), CancellationToken.None)));

        Assert.Equal(7, results.Sum(r => r.GetValueOrDefault("endedHandoffs")));
        Assert.Equal(["0"], DatabaseProbe.Strings(first, "SELECT COUNT(*) FROM handoff_tickets"));
        Assert.Equal(["0"], DatabaseProbe.Strings(first, "SELECT COUNT(*) FROM handoff_messages"));
    }
}
