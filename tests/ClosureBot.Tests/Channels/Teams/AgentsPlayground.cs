using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ClosureBot.Tests.Channels.Teams;

// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground) as a child process on a free loopback port,
// driven headless through the HTTP API and WebSocket its own UI uses: it posts real Teams activities to the bot's
// /api/messages (no Authorization header: auth off) and takes the bot's replies on its mock Connector (serviceUrl).
public sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PlaygroundMessage> _messages = [];
    private readonly Dictionary<string, int> _typing = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private Task _receiving = Task.CompletedTask;

    private AgentsPlayground(Process process, int port, string folder)
    {
        _process = process;
        Folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Its working folder (deleted on dispose): devTools/m365agentsplayground.log holds every request and response.</summary>
    public string Folder { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary><c>GET /_internal/v1/config</c>: tenant, bot, currentUser, users, personalChat, groupChats, teams.</summary>
    public JsonObject Config { get; private set; } = [];

    public string PersonalChatId => (string)Config["personalChat"]!["id"]!;

    public string GroupChatId => (string)Config["groupChats"]![0]!["id"]!;

    public string CurrentUserId => (string)Config["currentUser"]!["id"]!;

    public string BotId => (string)Config["bot"]!["id"]!;

    /// <summary>Starts the Playground in <paramref name="channel"/> mode against <paramref name="botEndpoint"/> and connects to its stream.</summary>
    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, string channel = "msteams")
    {
        var (process, port, folder) = await PlaygroundProcess.StartAsync(botEndpoint, channel);
        var playground = new AgentsPlayground(process, port, folder);
        try
        {
            await playground.ConnectAsync();
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
        return playground;
    }

    /// <summary>The user adds the app: <c>installationUpdate</c> then <c>conversationUpdate</c> with membersAdded.</summary>
    public Task InstallAsync(string conversationId) => PostAsync($"_debug/conversation/{conversationId}/installation", new JsonObject());

    /// <summary>
    /// The user types <paramref name="text"/> (as <paramref name="userId"/>, default the current user). Outside the
    /// personal chat the Playground, like Teams, passes a message to the bot only when it @mentions the bot.
    /// </summary>
    public Task<JsonObject> SendAsync(string conversationId, string text, string? userId = null, bool mentionBot = false)
    {
        var body = new JsonObject
        {
            ["type"] = "text", ["text"] = text, ["textFormat"] = "plain", ["from"] = new JsonObject { ["id"] = userId ?? CurrentUserId },
        };
        if (mentionBot)
        {
            var at = $"<at>{(string?)Config["bot"]!["name"]}</at>";
            body["text"] = $"{at} {text}";
            body["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = (string?)Config["bot"]!["name"] }, ["text"] = at,
            });
        }
        return PostAsync($"_conversation/v1/conversations/{conversationId}/messages", body);
    }

    /// <summary>The user clicks an <c>Action.Submit</c> of the card in message <paramref name="cardMessageId"/>.</summary>
    public Task<JsonObject> SubmitAsync(string conversationId, string cardMessageId, JsonObject value, string? userId = null) =>
        PostAsync("_conversation/v1/submit", new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId }, ["replyToId"] = cardMessageId,
            ["value"] = value.DeepClone(), ["from"] = new JsonObject { ["id"] = userId ?? CurrentUserId },
        });

    /// <summary>The user clicks an <c>Action.Execute</c>: an <c>adaptiveCard/action</c> invoke; returns the bot's invoke response.</summary>
    public Task<JsonObject> ExecuteAsync(string conversationId, string cardMessageId, string verb, JsonObject? data, string? userId = null) =>
        PostAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action", ["conversation"] = new JsonObject { ["id"] = conversationId }, ["replyToId"] = cardMessageId,
            ["from"] = new JsonObject { ["id"] = userId ?? CurrentUserId },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data?.DeepClone() }, ["trigger"] = "manual",
            },
        });

    /// <summary>Every message the bot has shown in <paramref name="conversationId"/> so far, updates included, in order.</summary>
    public IReadOnlyList<PlaygroundMessage> Messages(string conversationId)
    {
        lock (_messages) return _messages.Where(m => m.ConversationId == conversationId).ToList();
    }

    /// <summary>How many typing indicators the bot has shown in <paramref name="conversationId"/>.</summary>
    public int TypingCount(string conversationId)
    {
        lock (_messages) return _typing.GetValueOrDefault(conversationId);
    }

    /// <summary>Waits until a message after the first <paramref name="skip"/> of the conversation matches, and returns those after <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<PlaygroundMessage>> WaitForAsync(string conversationId, int skip, Func<PlaygroundMessage, bool> match,
        string description, TimeSpan? limit = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(limit ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var since = Messages(conversationId).Skip(skip).ToList();
            if (since.Any(match)) return since;
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No message in the Playground matched {description}. Since then:\n{string.Join("\n", since)}\n" +
                    $"End of the Playground's log:\n{LogTail()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _receiving; } catch (Exception) { /* the socket dies with the process */ }
        _socket.Dispose();
        Http.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _stop.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* a leftover temp folder harms nothing */ }
    }

    private string LogTail()
    {
        var log = Path.Combine(Folder, "devTools", "m365agentsplayground.log");
        if (!File.Exists(log)) return "(no log)";
        using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var text = reader.ReadToEnd();
        return text[Math.Max(0, text.Length - 4000)..];
    }

    private async Task ConnectAsync()
    {
        Config = (await Http.GetFromJsonAsync<JsonObject>("_internal/v1/config"))!["config"]!.AsObject();
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{BaseAddress.Port}/_ws_conversation/v1/conversations/stream"), _stop.Token);
        _receiving = Task.Run(ReceiveAsync);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close) return;
            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            var node = JsonNode.Parse(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length)) as JsonObject;
            frame.SetLength(0);
            if ((string?)node?["action"] == "typing" && (string?)node["actionConversationId"] is { } typed)
            {
                lock (_messages) _typing[typed] = _typing.GetValueOrDefault(typed) + 1;
            }
            else if (node?["message"] is JsonObject message && (string?)node["actionConversationId"] is { } conversation)
            {
                lock (_messages) _messages.Add(new PlaygroundMessage((string?)node["action"] ?? "", conversation, message));
                _arrived.Release();
            }
        }
    }

    private async Task<JsonObject> PostAsync(string path, JsonObject body)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"POST {path} → {(int)response.StatusCode}: {text}", null, response.StatusCode);
        return text.Length > 0 && JsonNode.Parse(text) is JsonObject o ? o : [];
    }
}
