using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Channels.Teams;

/// <summary>
/// A personal Teams chat posting the channel's real payloads (<c>Payloads/teams-*.json</c>) with normal delivery: the
/// bot's replies, typing indicators and card updates go to <see cref="Connector"/>, as they do through Azure Bot Service.
/// </summary>
public sealed class TeamsChat(BotApplicationFactory app, FakeConnector connector, string? conversationType = null)
{
    public const string TenantId = "3e8d1c2b-5a6f-4e7d-8c9b-0a1b2c3d4e5f";
    public const string AadObjectId = "6f1c2a4e-7b3d-4c8e-9f10-2a3b4c5d6e7f";

    private readonly ConversationClient _client = app.Teams();

    public FakeConnector Connector { get; } = connector;

    public string ConversationId => _client.ConversationId;

    public string ConversationKey => "msteams/" + ConversationId;

    /// <summary>The Teams client's locale every activity carries (the payloads' <c>en-US</c> when null).</summary>
    public string? Locale { get; init; }

    /// <summary>The customer types <paramref name="text"/>; the bot's HTTP answer.</summary>
    public Task<HttpResponseMessage> Send(string text) => Post(Addressed(_client.Message(text, null)));

    /// <summary>The customer clicks a card button (a messageBack: its text and its data) on the card message <paramref name="cardId"/>.</summary>
    public Task<HttpResponseMessage> Click(JsonObject data, string cardId)
    {
        var message = _client.Message((string?)data["msteams"]?["text"], data.DeepClone());
        message["replyToId"] = cardId;
        return Post(Addressed(message));
    }

    /// <summary>The message activity Teams would post for the customer's words or click (a new id each time).</summary>
    public JsonObject Message(string? text, JsonNode? value) => _client.Message(text, value);

    /// <summary>Posts <paramref name="message"/> (from <see cref="Message"/>, edited as the test likes) to this chat.</summary>
    public Task<HttpResponseMessage> Deliver(JsonObject message) => Post(Addressed(message));

    /// <summary>Posts one of the Teams payload files, addressed to this chat.</summary>
    public Task<HttpResponseMessage> PostPayload(string file, Action<JsonObject>? edit = null)
    {
        var activity = ConversationClient.Payload(file);
        activity["id"] = $"f:{Guid.NewGuid():N}";
        edit?.Invoke(activity);
        return Post(Addressed(activity));
    }

    /// <summary>The Connector requests that are messages the customer sees (not typing, not updates).</summary>
    public IReadOnlyList<FakeConnector.Received> Messages =>
        Connector.Requests.Where(r => r.Method == "POST" && (string?)r.Activity["type"] == "message").ToList();

    private JsonObject Addressed(JsonObject activity)
    {
        activity["serviceUrl"] = Connector.ServiceUrl;
        activity["conversation"]!["id"] = ConversationId;
        if (conversationType is not null) activity["conversation"]!["conversationType"] = conversationType;
        activity["from"]!["id"] = _client.UserId;
        activity.Remove("deliveryMode");
        if (Locale is not null) activity["locale"] = Locale;
        if (activity["membersAdded"] is JsonArray members) members[0]!["id"] = _client.UserId;
        return activity;
    }

    private Task<HttpResponseMessage> Post(JsonObject activity) =>
        app.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Settings for a Development app that trusts Teams users without a channel token (the Playground's mode).</summary>
    public static Dictionary<string, string?> Trusting(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Teams:TrustUnauthenticatedChannel"] = "true" };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    public static async Task<JsonObject> BodyOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
