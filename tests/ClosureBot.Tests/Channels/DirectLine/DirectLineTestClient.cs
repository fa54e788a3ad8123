using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ClosureBot.Tests.Channels.DirectLine;

// A thin Direct Line 3.0 client over HTTP, the way DirectLineJS calls the service.
public sealed class DirectLineTestClient(HttpClient http)
{
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "/v3/directline" + path);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    public async Task<JsonObject> JsonAsync(HttpMethod method, string path, string? bearer, string? json = null, int expectedStatus = 200)
    {
        using var response = await SendAsync(method, path, bearer, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{method} {path}: expected {expectedStatus}, got {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Generates a token with the secret for a new conversation of <paramref name="userId"/>.</summary>
    public async Task<(string ConversationId, string Token)> GenerateAsync(string userId = "dl_contract_user")
    {
        var body = await JsonAsync(HttpMethod.Post, "/tokens/generate", DirectLineTestHost.Secret, new JsonObject { ["user"] = new JsonObject { ["id"] = userId } }.ToJsonString());
        return ((string)body["conversationId"]!, (string)body["token"]!);
    }

    /// <summary>Generates a token and starts the conversation (the bot greets).</summary>
    public async Task<(string ConversationId, string Token)> StartAsync()
    {
        var (conversationId, token) = await GenerateAsync();
        var started = await JsonAsync(HttpMethod.Post, "/conversations", token, """{"user":{"id":"dl_contract_user"},"locale":"en-US"}""", 201);
        return (conversationId, (string)started["token"]!);
    }

    public Task<JsonObject> PostMessageAsync(string conversationId, string token, string text, string clientActivityId = "client-1") =>
        JsonAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
            new JsonObject
            {
                ["type"] = "message", ["text"] = text, ["locale"] = "en-US", ["from"] = new JsonObject { ["id"] = "someone-else", ["name"] = "Pat" },
                ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
            }.ToJsonString());

    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string conversationId, string token, string watermark = "")
    {
        var set = await JsonAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={watermark}", token);
        return (set["activities"]!.AsArray(), set["watermark"]!.GetValue<string>());
    }

    public static string? TextOf(JsonNode? activity) => (string?)activity?["text"];
}
