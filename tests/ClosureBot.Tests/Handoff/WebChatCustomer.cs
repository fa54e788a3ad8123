using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Handoff;

/// <summary>
/// A web chat customer on the embedded Direct Line, the way Web Chat talks to it: posts activities and reads the bot's
/// side of the conversation with <c>GET …/activities?watermark=</c>, so it also sees what reaches it outside its own turns
/// (an agent's messages, the bot speaking first after a hand-back).
/// </summary>
public sealed class WebChatCustomer
{
    private readonly DirectLineTestClient _client;
    private string _watermark = "";

    private WebChatCustomer(DirectLineTestClient client, string conversationId, string token) =>
        (_client, ConversationId, Token) = (client, conversationId, token);

    public string ConversationId { get; }

    public string Token { get; }

    public static async Task<WebChatCustomer> StartAsync(HttpClient http, string? userId = null)
    {
        var client = new DirectLineTestClient(http);
        var user = userId ?? BotApplicationFactory.NewId("dl_");
        var (conversationId, token) = await client.GenerateAsync(user);
        await client.JsonAsync(HttpMethod.Post, "/conversations", token, new JsonObject { ["user"] = new JsonObject { ["id"] = user }, ["locale"] = "en-US" }.ToJsonString(), 201);
        var customer = new WebChatCustomer(client, conversationId, token);
        await customer.ReadAsync();
        return customer;
    }

    /// <summary>This customer's conversation through another app instance (after a restart).</summary>
    public WebChatCustomer Via(HttpClient http) => new(new DirectLineTestClient(http), ConversationId, Token) { _watermark = _watermark };

    /// <summary>Types <paramref name="text"/>; the bot's activities that followed.</summary>
    public Task<Replies> Send(string text) => PostAsync(new JsonObject { ["type"] = "message", ["text"] = text, ["locale"] = "en-US" });

    public async Task<Replies> SendAll(params string[] texts)
    {
        Replies? last = null;
        foreach (var text in texts) last = await Send(text);
        return last!;
    }

    /// <summary>Clicks a button whose value is <paramref name="value"/> (a messageBack: text and value).</summary>
    public Task<Replies> Click(string text, object value) => PostAsync(new JsonObject
    {
        ["type"] = "message", ["text"] = text, ["locale"] = "en-US", ["value"] = JsonSerializer.SerializeToNode(value),
    });

    /// <summary>Posts <paramref name="activity"/> (type, text, value, locale) as Web Chat would, and reads what follows.</summary>
    public Task<Replies> Post(JsonObject activity) => PostAsync(activity);

    /// <summary>Posts an event activity, as a Web Chat page's script can.</summary>
    public Task<Replies> PostEvent(string name, JsonNode value) => PostAsync(new JsonObject { ["type"] = "event", ["name"] = name, ["value"] = value });

    /// <summary>The bot's activities (messages and events) since the last read.</summary>
    public async Task<Replies> ReadAsync()
    {
        var (activities, watermark) = await _client.GetActivitiesAsync(ConversationId, Token, _watermark);
        _watermark = watermark;
        return new Replies(activities.Select(a => a!.AsObject()).Where(a => (string?)a["from"]?["role"] != "user" || (string?)a["type"] == "event").ToList());
    }

    private async Task<Replies> PostAsync(JsonObject activity)
    {
        activity["from"] = new JsonObject { ["id"] = "ignored" };
        activity["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") };
        await _client.JsonAsync(HttpMethod.Post, $"/conversations/{ConversationId}/activities", Token, activity.ToJsonString());
        return await ReadAsync();
    }
}
