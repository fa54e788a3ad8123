using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Cards;

namespace ClosureBot.Tests.Support;

/// <summary>
/// One customer in one conversation, talking to the bot over <c>POST /api/messages</c> the way their channel does:
/// each turn is the channel's real payload (from <c>Payloads/</c>) with a fresh activity id, the customer's words or
/// card submit, and <c>deliveryMode: expectReplies</c>, so the bot's replies come back in the response.
/// </summary>
public sealed class ConversationClient
{
    private readonly HttpClient _http;
    private readonly JsonObject _template;
    private int _sequence;

    private ConversationClient(HttpClient http, JsonObject template, string userId, string conversationId)
    {
        _http = http;
        _template = template;
        UserId = userId;
        ConversationId = conversationId;
    }

    public string UserId { get; }

    public string ConversationId { get; }

    public string ChannelId => (string)_template["channelId"]!;

    public HttpClient Http => _http;

    public static ConversationClient FromPayload(HttpClient http, string payloadFile, string userId, string conversationId) =>
        new(http, Payload(payloadFile), userId, conversationId);

    /// <summary>A payload file from <c>Payloads/</c>.</summary>
    public static JsonObject Payload(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.TestsFolder, "ClosureBot.Tests", "Payloads", file)))!.AsObject();

    /// <summary>The same customer (same channel identity) in a new conversation.</summary>
    public ConversationClient NewConversation(HttpClient? http = null) =>
        new(http ?? _http, (JsonObject)_template.DeepClone(), UserId, BotApplicationFactory.NewId(ConversationId[..Math.Min(3, ConversationId.Length)]));

    /// <summary>This conversation through another app instance (another HTTP client).</summary>
    public ConversationClient Via(HttpClient http) => new(http, (JsonObject)_template.DeepClone(), UserId, ConversationId) { _sequence = _sequence + 1000 };

    /// <summary>The customer types <paramref name="text"/>.</summary>
    public Task<Replies> Send(string text) => Deliver(Message(text, null));

    /// <summary>The customer clicks a card button whose <c>Action.Submit</c> data is <paramref name="data"/>.</summary>
    public Task<Replies> Click(object data) => Deliver(Message(null, JsonSerializer.SerializeToNode(data)));

    /// <summary>The customer types each answer in turn; the replies to the last one.</summary>
    public async Task<Replies> SendAll(params string[] texts)
    {
        Replies? last = null;
        foreach (var text in texts) last = await Send(text);
        return last!;
    }

    /// <summary>The channel tells the bot the customer joined (what Web Chat sends when it opens).</summary>
    public Task<Replies> Join()
    {
        var activity = Payload("webchat-conversation-update.json");
        activity["id"] = $"{ConversationId}|{Interlocked.Increment(ref _sequence):0000000}";
        activity["channelId"] = ChannelId;
        activity["conversation"] = new JsonObject { ["id"] = ConversationId };
        activity["from"] = new JsonObject { ["id"] = UserId };
        var botId = (string)activity["recipient"]!["id"]!;
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = botId }, new JsonObject { ["id"] = UserId });
        activity["deliveryMode"] = "expectReplies";
        return Deliver(activity);
    }

    /// <summary>The activity the channel would post for the customer's next message (a new id each time).</summary>
    public JsonObject Message(string? text, JsonNode? value)
    {
        var activity = (JsonObject)_template.DeepClone();
        var n = Interlocked.Increment(ref _sequence);
        var now = DateTimeOffset.UtcNow;
        activity["id"] = ChannelId == "msteams" ? (1732872041625 + n).ToString() : $"{ConversationId}|{n:0000000}";
        activity["timestamp"] = now.ToString("O");
        activity["conversation"]!["id"] = ConversationId;
        activity["from"]!["id"] = UserId;
        activity["text"] = text;
        activity.Remove("attachments");
        if (text is not null && ChannelId == "msteams")
            activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = $"<p>{text}</p>" });
        if (value is not null) activity["value"] = value;
        if (activity["channelData"] is JsonObject channelData && channelData.ContainsKey("clientActivityID"))
        {
            channelData["clientActivityID"] = $"{now.ToUnixTimeMilliseconds()}{Guid.NewGuid().ToString("N")[..10]}";
            channelData["clientTimestamp"] = now.ToString("O");
        }
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    /// <summary>Posts <paramref name="activity"/> as is and returns the bot's replies.</summary>
    public async Task<Replies> Deliver(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/api/messages", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        var replies = JsonNode.Parse(body)!["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        return new Replies(replies);
    }
}
