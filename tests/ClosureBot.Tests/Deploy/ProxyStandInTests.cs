using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Deploy;

/// <summary>
/// <c>deploy/compose.yaml</c> without Docker: two bots as child processes on one PostgreSQL database (as its bot-1 and
/// bot-2), behind nginx running the same <c>deploy/nginx.conf</c>. Web chat goes through the proxy only — the page, a
/// token, the conversation, its WebSocket stream and the messages — and the proxy's access log says which instance
/// served each request: messages posted through one instance reach the stream held through the proxy on the other.
/// </summary>
public sealed class ProxyStandInTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Shell = new()
    {
        ["CLOSUREBOT_ADMIN_API_KEY"] = BotApplicationFactory.AdminKey,
        // Compose needs a value; the test database's own connection string replaces it.
        ["CLOSUREBOT_DB_PASSWORD"] = Guid.NewGuid().ToString("N"),
    };

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

        string[] words = ["I want to close my account", "yes", "help", "status"];
        var clock = Stopwatch.StartNew();
        var arrivals = Channel.CreateUnbounded<(JsonNode Activity, TimeSpan At)>();
        // The stream is read while the messages are posted, so each arrival is timed as it happens.
        var reading = Task.Run(async () =>
        {
            while (!timeout.IsCancellationRequested)
                foreach (var activity in (await NextActivitySetAsync(socket, timeout.Token))["activities"]!.AsArray())
                    arrivals.Writer.TryWrite((activity!, clock.Elapsed));
        });
        var posted = new List<(string Id, TimeSpan At)>();
        for (var i = 0; i < words.Length; i++)
        {
            var activity = await directLine.PostMessageAsync(conversationId, token, words[i], $"proxy-{i}");
            posted.Add(((string)activity["id"]!, clock.Elapsed));
        }
        var seen = new Dictionary<string, TimeSpan>();
        var answered = new HashSet<string>();
        var texts = new List<string?>();
        // Until every message has come back on the stream and the bot has answered each (replyToId names it).
        while (!posted.All(p => seen.ContainsKey(p.Id) && answered.Contains(p.Id)))
        {
            var (activity, at) = await arrivals.Reader.ReadAsync(timeout.Token);
            // Typing indicators carry no id.
            if ((string?)activity["id"] is { } id) seen.TryAdd(id, at);
            if ((string?)activity["from"]?["role"] == "bot" && (string?)activity["replyToId"] is { } answers) answered.Add(answers);
            texts.Add(DirectLineTestClient.TextOf(activity));
        }
        // Closing ends the proxy's connection, which writes its access log line; the reader then stops on the closed socket.
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        await Assert.ThrowsAnyAsync<Exception>(() => reading);

        Assert.Contains("webchat", page, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith($"ws://{proxy.Url.Authority}/v3/directline/conversations/{conversationId}/stream", streamUrl);
        Assert.Contains("Shall we start?", texts);
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
        // As compose.yaml starts bot-1 and bot-2: Production, with its environment. Two settings differ by place: the
        // database (the test cluster on loopback, not the host "postgres") and the proxy's address (loopback, not the
        // compose network's fixed one); the Direct Line secret is for the test's own web chat customer.
        var variables = ComposeFile.Load().Environment("bot-1", Shell);
        return await BotChildProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = _database,
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["DirectLine:Secret"] = DirectLineTestHost.Secret,
        }, environment: variables["ASPNETCORE_ENVIRONMENT"], variables: variables);
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

    public Task InitializeAsync() => Task.CompletedTask;

    // xUnit 2 disposes a test class through IAsyncLifetime or IDisposable, never through IAsyncDisposable.
    public Task DisposeAsync()
    {
        foreach (var folder in _folders) TempFolder.Delete(folder);
        PostgresServer.DropDatabase(_database);
        return Task.CompletedTask;
    }
}
