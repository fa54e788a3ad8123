using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Deploy;

/// <summary>
/// <c>deploy/compose.yaml</c> without Docker: two bots as child processes on one PostgreSQL database (as its bot-1 and
/// bot-2), behind nginx running the same <c>deploy/nginx.conf</c>. Web chat goes through the proxy only — the page, a
/// token, the conversation, its WebSocket stream and the messages — and the proxy's access log says which instance
/// served each request: messages posted through one instance reach the stream held through the proxy on the other.
/// </summary>
public sealed class ProxyStandInTests : IAsyncDisposable
{
    private readonly string _database = PostgresServer.CreateDatabase();
    private readonly List<string> _folders = [];

    [Fact]
    public async Task WebChatThroughProxy_StreamOnOneInstance_GetsMessagesPostedThroughBoth()
    {
        await using var first = await StartBotAsync();
        await using var second = await StartBotAsync();
        await using var proxy = await NginxProxy.StartAsync(first.Url, second.Url);
        using var browser = new HttpClient { BaseAddress = proxy.Url, Timeout = TimeSpan.FromSeconds(30) };

        var page = await browser.GetStringAsync("/");
        using var tokenResponse = await browser.PostAsJsonAsync("/api/webchat/token", new { locale = "en-US" });
        tokenResponse.EnsureSuccessStatusCode();
        var issued = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        var directLine = new DirectLineTestClient(browser);
        var conversation = await directLine.JsonAsync(HttpMethod.Post, "/conversations", (string)issued["token"]!, expectedStatus: 201);
        var conversationId = (string)conversation["conversationId"]!;
        var token = (string)conversation["token"]!;
        var streamUrl = (string)conversation["streamUrl"]!;
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);

        string[] words = ["I want to close my account", "yes", "ACME", "no"];
        var clock = Stopwatch.StartNew();
        var seen = new ConcurrentDictionary<string, TimeSpan>();
        var texts = new ConcurrentQueue<string?>();
        var lastReply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The stream is read while the messages are posted, so each arrival is timed as it happens.
        var reading = Task.Run(async () =>
        {
            while (!lastReply.Task.IsCompleted)
            {
                foreach (var activity in (await NextActivitySetAsync(socket, timeout.Token))["activities"]!.AsArray())
                {
                    // Typing indicators carry no id.
                    if ((string?)activity!["id"] is { } id) seen.TryAdd(id, clock.Elapsed);
                    texts.Enqueue(DirectLineTestClient.TextOf(activity));
                    if (DirectLineTestClient.TextOf(activity) == "When your data is safe, choose Done.") lastReply.TrySetResult();
                }
            }
        });
        var posted = new List<(string Id, TimeSpan At)>();
        for (var i = 0; i < words.Length; i++)
        {
            var activity = await directLine.PostMessageAsync(conversationId, token, words[i], $"proxy-{i}");
            posted.Add(((string)activity["id"]!, clock.Elapsed));
        }
        await reading.WaitAsync(timeout.Token);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);

        Assert.Contains("webchat", page, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith($"ws://{proxy.Url.Authority}/v3/directline/conversations/{conversationId}/stream", streamUrl);
        Assert.Contains("Do you have a cloud term commitment?", texts);
        var streamServer = Upstream(await proxy.AccessLineAsync($"GET /v3/directline/conversations/{conversationId}/stream"));
        var postServers = new List<string>();
        foreach (var line in proxy.Output.Split('\n').Where(l => l.Contains($"POST /v3/directline/conversations/{conversationId}/activities", StringComparison.Ordinal)))
            postServers.Add(Upstream(line));
        Assert.Equal(words.Length, postServers.Count);
        Assert.Equal(new[] { first.Url.Authority, second.Url.Authority }.Order(), postServers.Distinct().Order());
        // Each message posted through the instance without the stream reached the stream within a second.
        Assert.All(posted, p => Assert.True(seen.ContainsKey(p.Id), $"{p.Id} never reached the stream"));
        var elsewhere = posted.Where((_, i) => postServers[i] != streamServer).ToList();
        Assert.NotEmpty(elsewhere);
        Assert.All(elsewhere, p => Assert.True(seen[p.Id] - p.At < TimeSpan.FromSeconds(1), $"{p.Id} reached the stream {seen[p.Id] - p.At} after its post"));
    }

    [Fact]
    public async Task HealthAndReadiness_ThroughProxy_ReportTheDatabaseAndSurviveAnInstanceKilled()
    {
        await using var first = await StartBotAsync();
        await using var second = await StartBotAsync();
        await using var proxy = await NginxProxy.StartAsync(first.Url, second.Url);
        using var client = new HttpClient { BaseAddress = proxy.Url, Timeout = TimeSpan.FromSeconds(30) };

        var health = await client.GetFromJsonAsync<JsonObject>("/healthz");
        var ready = await client.GetFromJsonAsync<JsonObject>("/readyz");
        await first.KillAsync();
        var afterKill = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/readyz");
            afterKill.Add(response.StatusCode);
        }
        var customer = await ClosureBot.Tests.Handoff.WebChatCustomer.StartAsync(client);
        var replies = await customer.Send("I want to close my account");

        Assert.Equal("healthy", (string?)health!["status"]);
        Assert.Equal(("Postgres", "healthy"), ((string?)health["database"]!["provider"], (string?)health["database"]!["status"]));
        Assert.Equal(("ready", true), ((string?)ready!["status"], (bool?)ready["serving"]));
        Assert.Equal("healthy", (string?)ready["database"]!["status"]);
        Assert.All(afterKill, status => Assert.Equal(HttpStatusCode.OK, status));
        replies.Says("Shall we start?");
        Assert.Contains($"upstream={second.Url.Authority}", proxy.Output);
    }

    private async Task<BotChildProcess> StartBotAsync()
    {
        var folder = Directory.CreateTempSubdirectory("closurebot-proxy-").FullName;
        _folders.Add(folder);
        return await BotChildProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Storage:Provider"] = StorageProviders.Postgres,
            ["Storage:ConnectionString"] = _database,
            ["DirectLine:Secret"] = DirectLineTestHost.Secret,
            // The proxy is the only caller whose X-Forwarded-* headers count, as compose.yaml says with its fixed address.
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
    }

    // "... upstream=127.0.0.1:PORT time=..." → "127.0.0.1:PORT".
    private static string Upstream(string accessLine) => accessLine.Split("upstream=")[1].Split(' ')[0].Split(',')[^1].Trim();

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

    public ValueTask DisposeAsync()
    {
        foreach (var folder in _folders)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
        PostgresServer.DropDatabase(_database);
        return ValueTask.CompletedTask;
    }
}
