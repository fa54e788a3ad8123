using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Protocol.Activities;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClosureBot.Tests.Channels.DirectLine;

// The WebSocket behind streamUrl: ActivitySet frames (history, echo, typing, replies) and empty keep-alives.
public class DirectLineStreamTests : IAsyncLifetime
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private DirectLineTestHost _host = null!;
    private DirectLineTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = new DirectLineTestHost(settings: new Dictionary<string, string?> { ["DirectLine:KeepAliveInterval"] = "00:00:01" }, storage: Storage);
        _client = new DirectLineTestClient(_host.Client);
        // On PostgreSQL the instance's first LISTEN tells every stream to read the store once. Landing in the middle of
        // a test, that read could already hold a turn's replies, and the stream then rightly drops the turn's typing
        // indicator (the test below shows why): the tests start once it has happened.
        if (_host.Services.GetServices<IHostedService>().OfType<ClosureBot.Storage.Postgres.PostgresDirectLineListener>().SingleOrDefault() is { } listener)
            await listener.Listening.WaitAsync(Deadline);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stream_AfterStart_ReplaysGreetingThenEchoTypingAndReplies()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        using var socket = new ClientWebSocket();
        var (conversationId, started) = await StartStreamingAsync(socket, timeout.Token);

        var greeting = await NextActivitySetAsync(socket, timeout.Token);
        Assert.Equal("bot", (string?)greeting["activities"]![0]!["from"]!["role"]);
        Assert.Equal("1", (string?)greeting["watermark"]);

        await _client.PostMessageAsync(conversationId, (string)started["token"]!, "I want to close my account", "cid-ws");
        var seen = new List<JsonNode>();
        while (!seen.Any(a => DirectLineTestClient.TextOf(a) == "Shall we start?"))
            seen.AddRange((await NextActivitySetAsync(socket, timeout.Token))["activities"]!.AsArray().Select(a => a!));

        Assert.Equal("cid-ws", (string?)seen[0]["channelData"]!["clientActivityID"]);
        var typing = seen.FindIndex(a => (string?)a["type"] == "typing");
        Assert.InRange(typing, 1, seen.FindIndex(a => DirectLineTestClient.TextOf(a) == "Shall we start?") - 1);
    }

    [Fact]
    public async Task Stream_Idle_SendsEmptyKeepAliveFrames()
    {
        var (conversationId, token) = await _client.StartAsync();
        var reconnect = await _client.JsonAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=1", token);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.ConnectAsync(new Uri((string)reconnect["streamUrl"]!), timeout.Token);

        Assert.Equal("", await ReceiveTextAsync(socket, timeout.Token));
    }

    [Fact]
    public async Task Stream_WithWatermark_ReplaysOnlyLaterActivities()
    {
        var (conversationId, token) = await _client.StartAsync();
        await _client.PostMessageAsync(conversationId, token, "I want to close my account");
        var reconnect = await _client.JsonAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=2", token);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.ConnectAsync(new Uri((string)reconnect["streamUrl"]!), timeout.Token);

        var set = await NextActivitySetAsync(socket, timeout.Token);

        Assert.EndsWith("|0000003", (string)set["activities"]![0]!["id"]!);
    }

    [Fact]
    public async Task Stream_ATypingIndicatorWhoseTurnsRepliesWereReadFromTheStore_IsNotSentAfterThem()
    {
        // The race the stream meets on PostgreSQL: a notice that the log grew makes the stream read the store, and that
        // read already holds the turn's replies, while the typing indicator published when the turn began still waits
        // behind the notice. Sent then, Web Chat would show the bot typing after its answer.
        using var timeout = new CancellationTokenSource(Deadline);
        using var socket = new ClientWebSocket();
        var (conversationId, _) = await StartStreamingAsync(socket, timeout.Token);
        Assert.Equal("1", (string?)(await NextActivitySetAsync(socket, timeout.Token))["watermark"]);
        var log = _host.Services.GetRequiredService<DirectLineActivityLog>();
        var store = _host.Services.GetRequiredService<IDirectLineStore>();

        // The customer's message (2) and the bot's reply (3), written by "another instance": only the store has them.
        await store.AppendActivitiesAsync(conversationId, 2, (i, sequence) =>
            $$"""{"type":"message","id":"{{conversationId}}|{{sequence:D7}}","text":"{{(i == 0 ? "hello" : "the reply")}}"}""", timeout.Token);
        log.NoticeAppendedElsewhere(conversationId, 3);
        log.PublishEphemeral(conversationId, new Activity { Type = ActivityTypes.Typing, Text = "stale" }, follows: 2);
        // Then a live activity, and a typing indicator that follows it: the first is sent, and so is the second.
        await log.AppendAsync(conversationId, new Activity { Type = ActivityTypes.Message, Text = "live" }, timeout.Token);
        log.PublishEphemeral(conversationId, new Activity { Type = ActivityTypes.Typing, Text = "current" }, follows: 4);

        var seen = new List<JsonNode>();
        while (!seen.Any(a => (string?)a["text"] == "current"))
            seen.AddRange((await NextActivitySetAsync(socket, timeout.Token))["activities"]!.AsArray().Select(a => a!));

        Assert.Equal(["hello", "the reply", "live", "current"], seen.Select(a => (string?)a["text"]));
    }

    [Fact]
    public async Task Stream_ATypingIndicatorPublishedAfterItsTurnsReplyWasSentLive_IsNotSent()
    {
        // The race on one instance: the typing timer fires once more after the turn's reply went out on the stream.
        using var timeout = new CancellationTokenSource(Deadline);
        using var socket = new ClientWebSocket();
        var (conversationId, _) = await StartStreamingAsync(socket, timeout.Token);
        Assert.Equal("1", (string?)(await NextActivitySetAsync(socket, timeout.Token))["watermark"]);
        var log = _host.Services.GetRequiredService<DirectLineActivityLog>();

        // The customer's message (2) and the bot's reply (3), appended here and sent live.
        await log.AppendAsync(conversationId, new Activity { Type = ActivityTypes.Message, Text = "hello" }, timeout.Token);
        await log.AppendAsync(conversationId, new Activity { Type = ActivityTypes.Message, Text = "the reply" }, timeout.Token);
        var seen = new List<JsonNode>();
        while (seen.Count < 2) seen.AddRange((await NextActivitySetAsync(socket, timeout.Token))["activities"]!.AsArray().Select(a => a!));
        log.PublishEphemeral(conversationId, new Activity { Type = ActivityTypes.Typing, Text = "stale" }, follows: 2);
        // A later indicator, for the reply just sent, marks where the stale one would have come.
        log.PublishEphemeral(conversationId, new Activity { Type = ActivityTypes.Typing, Text = "current" }, follows: 3);

        while (!seen.Any(a => (string?)a["text"] == "current"))
            seen.AddRange((await NextActivitySetAsync(socket, timeout.Token))["activities"]!.AsArray().Select(a => a!));

        Assert.Equal(["hello", "the reply", "current"], seen.Select(a => (string?)a["text"]));
    }

    [Theory]
    [InlineData("garbage", HttpStatusCode.Unauthorized)]
    [InlineData(null, HttpStatusCode.Forbidden)]
    public async Task Stream_BadOrOtherConversationsStreamToken_IsRefused(string? streamToken, HttpStatusCode expected)
    {
        var (conversationId, _) = await _client.StartAsync();
        var (_, otherToken) = await _client.StartAsync();
        var other = await _client.JsonAsync(HttpMethod.Post, "/conversations", otherToken);
        var otherStreamToken = ((string)other["streamUrl"]!).Split("?t=")[1];
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var url = $"ws://{_host.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t={streamToken ?? otherStreamToken}";

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(url), CancellationToken.None));

        Assert.Equal(expected, socket.HttpStatusCode);
    }

    // A new conversation started (POST /conversations), with <paramref name="socket"/> connected to its stream.
    private async Task<(string ConversationId, JsonObject Started)> StartStreamingAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var (conversationId, token) = await _client.GenerateAsync();
        var started = await _client.JsonAsync(HttpMethod.Post, "/conversations", token, expectedStatus: 201);
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), ct);
        return (conversationId, started);
    }

    private static async Task<JsonObject> NextActivitySetAsync(WebSocket socket, CancellationToken ct)
    {
        while (true)
        {
            var text = await ReceiveTextAsync(socket, ct);
            if (text.Length > 0) return JsonNode.Parse(text)!.AsObject();
        }
    }

    private static async Task<string> ReceiveTextAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult frame;
        do
        {
            frame = await socket.ReceiveAsync(buffer, ct);
            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
