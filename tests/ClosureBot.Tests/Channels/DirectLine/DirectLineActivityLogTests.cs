using ClosureBot.Channels.DirectLine;
using ClosureBot.Protocol.Activities;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Channels.DirectLine;

/// <summary>The activity log's memory: per-conversation state goes when idle with no stream, and nothing is lost by it.</summary>
public class DirectLineActivityLogTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task TrimIdle_ConversationsWithoutAStream_AreDroppedAndCarryOnTheirSequenceAfterwards()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var log = app.Services.GetRequiredService<DirectLineActivityLog>();
        for (var i = 0; i < 100; i++) await log.AppendAsync($"conv-{i}", Message(), CancellationToken.None);
        using var watched = log.Subscribe("conv-0");
        app.Clock!.Advance(TimeSpan.FromMinutes(11));
        await log.AppendAsync("conv-1", Message(), CancellationToken.None);

        var trimmed = log.TrimIdle(app.Clock.GetUtcNow() - TimeSpan.FromMinutes(10));

        Assert.Equal(98, trimmed);
        Assert.Equal(2, log.InMemoryCount);
        Assert.EndsWith("|0000002", await log.AppendAsync("conv-2", Message(), CancellationToken.None));
        await log.AppendAsync("conv-0", Message(), CancellationToken.None);
        Assert.True(watched.Reader.TryRead(out var published) && published.Sequence == 2);
    }

    [Fact]
    public async Task TrimIdle_WhileAppendsAndSubscriptionsRace_NoSequenceNumberRepeatsAndNoSubscriberMissesOne()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var log = app.Services.GetRequiredService<DirectLineActivityLog>();
        using var stop = new CancellationTokenSource();
        var trimming = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) log.TrimIdle(DateTimeOffset.MaxValue);
        });

        var missed = 0;
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var mine = new List<string>();
            for (var i = 0; i < 50; i++)
            {
                if (worker % 2 == 0)
                {
                    mine.Add(await log.AppendAsync("busy", Message(), CancellationToken.None));
                    continue;
                }
                using var subscription = log.Subscribe("busy");
                var id = await log.AppendAsync("busy", Message(), CancellationToken.None);
                mine.Add(id);
                var seen = false;
                while (subscription.Reader.TryRead(out var item)) seen |= item.Json.Contains(id);
                if (!seen) Interlocked.Increment(ref missed);
            }
            return mine;
        })));
        await stop.CancelAsync();
        await trimming;

        Assert.Equal(Enumerable.Range(1, 400).Select(n => $"busy|{n:D7}"), ids.SelectMany(x => x).Order(StringComparer.Ordinal));
        Assert.Equal(0, missed);
    }

    [Fact]
    public async Task AppendSeveral_AfterOne_TakeTheNextNumbersInOrder_StoredAndPublished()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        var log = app.Services.GetRequiredService<DirectLineActivityLog>();
        await log.AppendAsync("replies", Message(), CancellationToken.None);
        using var watched = log.Subscribe("replies");

        var ids = await log.AppendAsync("replies", [Message("first"), Message("second"), Message("third")], CancellationToken.None);
        var empty = await log.AppendAsync("replies", [], CancellationToken.None);

        Assert.Equal(["replies|0000002", "replies|0000003", "replies|0000004"], ids);
        Assert.Empty(empty);
        var (stored, watermark) = await log.ReadAsync("replies", 1, CancellationToken.None);
        Assert.Equal([2L, 3L, 4L], stored.Select(s => s.Sequence));
        Assert.Equal(["first", "second", "third"], stored.Select(s => (string?)System.Text.Json.Nodes.JsonNode.Parse(s.Json)!["text"]));
        Assert.Equal(4, watermark);
        // On PostgreSQL the listener for other instances' appends tells every stream to read what it may lack once it
        // listens (long.MaxValue); it starts beside the app, so that notice may reach this stream. It is no append.
        var published = new List<long?>();
        while (watched.Reader.TryRead(out var item))
            if (item.Sequence != long.MaxValue) published.Add(item.Sequence);
        Assert.Equal([2L, 3L, 4L], published);
        Assert.EndsWith("|0000005", await log.AppendAsync("replies", Message(), CancellationToken.None));
    }

    private static Activity Message(string text = "hi") => new() { Type = ActivityTypes.Message, Text = text };
}
