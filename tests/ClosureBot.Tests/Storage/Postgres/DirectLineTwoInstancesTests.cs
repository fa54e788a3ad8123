using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary>
/// Web chat served by two instances on one PostgreSQL database: a token issued by one is accepted by the other (the
/// signing key is in the database), and the database numbers each conversation's activities, so posts through both
/// instances, one after the other or at once, get distinct, ordered ids and one history.
/// </summary>
public sealed class DirectLineTwoInstancesTests
{
    [Fact]
    public async Task Conversation_PostsAlternatingBetweenInstances_OneHistoryNumberedWithoutGapsOrRepeats()
    {
        await using var a = new DirectLineTestHost(storage: StorageProviders.Postgres);
        await using var b = new DirectLineTestHost(storage: StorageProviders.Postgres, postgres: a.Postgres);
        var viaA = new DirectLineTestClient(a.Client);
        var viaB = new DirectLineTestClient(b.Client);
        var (conversationId, token) = await viaA.StartAsync();

        string[] words = ["I want to close my account", "yes", "ACME", "no"];
        for (var i = 0; i < words.Length; i++) await (i % 2 == 0 ? viaB : viaA).PostMessageAsync(conversationId, token, words[i], $"c{i}");

        var (seenByA, watermarkA) = await viaA.GetActivitiesAsync(conversationId, token);
        var (seenByB, watermarkB) = await viaB.GetActivitiesAsync(conversationId, token);
        Assert.Equal(watermarkA, watermarkB);
        Assert.Equal(seenByA.ToJsonString(), seenByB.ToJsonString());
        Assert.Equal(Enumerable.Range(1, seenByA.Count).Select(n => $"{conversationId}|{n:D7}"), seenByA.Select(x => (string)x!["id"]!));
        Assert.Contains(seenByB, x => DirectLineTestClient.TextOf(x) == "Do you have a cloud term commitment?");
        Assert.Equal("When your data is safe, choose Done.", DirectLineTestClient.TextOf(seenByB[^1]));
    }

    [Fact]
    public async Task Conversation_PostsThroughBothInstancesAtOnce_EveryActivityGetsItsOwnNumber()
    {
        await using var a = new DirectLineTestHost(storage: StorageProviders.Postgres);
        await using var b = new DirectLineTestHost(storage: StorageProviders.Postgres, postgres: a.Postgres);
        var viaA = new DirectLineTestClient(a.Client);
        var viaB = new DirectLineTestClient(b.Client);
        var (conversationId, token) = await viaA.StartAsync();

        var posted = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? viaA : viaB).PostMessageAsync(conversationId, token, "what is a term commitment?", $"burst-{i}")));

        var ids = posted.Select(p => (string)p["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var history = new List<string>();
        var watermark = "";
        while (true)
        {
            var (page, next) = await viaB.GetActivitiesAsync(conversationId, token, watermark);
            if (page.Count == 0) break;
            history.AddRange(page.Select(x => (string)x!["id"]!));
            watermark = next;
        }
        Assert.Equal(Enumerable.Range(1, history.Count).Select(n => $"{conversationId}|{n:D7}"), history);
        Assert.Subset(history.ToHashSet(), ids.ToHashSet());
    }
}
