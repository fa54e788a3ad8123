using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary>
/// Web chat served by two instances on one PostgreSQL database: a token issued by one is accepted by the other (the
/// signing key is in the database), and the database numbers each conversation's activities, so posts through both
/// instances, one after the other or at once, get distinct, ordered ids and one history; a WebSocket stream on one
/// instance gets what is posted through the other (LISTEN/NOTIFY).
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

    [Fact]
    public async Task Stream_ConnectedToOneInstance_GetsWhatIsPostedThroughTheOtherInOrder()
    {
        await using var a = new DirectLineTestHost(storage: StorageProviders.Postgres);
        await using var b = new DirectLineTestHost(storage: StorageProviders.Postgres, postgres: a.Postgres);
        var viaA = new DirectLineTestClient(a.Client);
        var (conversationId, token) = await viaA.StartAsync();
        var reconnect = await new DirectLineTestClient(b.Client).JsonAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=1", token);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri((string)reconnect["streamUrl"]!), timeout.Token);
        Assert.StartsWith($"ws://{b.BaseAddress.Authority}/", (string)reconnect["streamUrl"]!);

        var clock = Stopwatch.StartNew();
        await viaA.PostMessageAsync(conversationId, token, "I want to close my account", "via-a");
        var posted = clock.Elapsed;
        var seen = new List<JsonNode>();
        TimeSpan? echoed = null;
        while (!seen.Any(x => DirectLineTestClient.TextOf(x) == "Shall we start?"))
        {
            var set = await NextActivitySetAsync(socket, timeout.Token);
            seen.AddRange(set["activities"]!.AsArray().Select(x => x!));
            echoed ??= clock.Elapsed;
        }

        Assert.Equal("via-a", (string?)seen[0]["channelData"]!["clientActivityID"]);
        var ids = seen.Where(x => (string?)x["type"] != "typing").Select(x => (string)x["id"]!).ToList();
        Assert.Equal(Enumerable.Range(2, ids.Count).Select(n => $"{conversationId}|{n:D7}"), ids);
        // The user's own activity is committed before the post answers; it reaches the other instance's stream at once.
        Assert.True(echoed!.Value - posted < TimeSpan.FromSeconds(1), $"the echo arrived {echoed - posted} after the post answered");
    }

    private static async Task<JsonObject> NextActivitySetAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult frame;
            do
            {
                frame = await socket.ReceiveAsync(buffer, ct);
                message.Write(buffer, 0, frame.Count);
            }
            while (!frame.EndOfMessage);
            if (message.Length > 0) return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
        }
    }
}
