using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.RateLimits;

// Polling, reconnecting and uploads of one Direct Line conversation, with the default limit of 120 a minute (burst 30).
public sealed class PollingRateLimitTests
{
    private static readonly Dictionary<string, string?> WithSecret = new() { ["DirectLine:Secret"] = DirectLineTestHost.Secret };

    [Fact]
    public async Task GetActivities_PolledFasterThanTwiceASecond_Refused429ForThatConversationOnly()
    {
        await using var app = new BotApplicationFactory(settings: WithSecret, defaultRateLimits: true);
        var client = app.CreateClient();
        var (busy, busyToken) = await StartAsync(client, "dl_poll_busy");
        var (quiet, quietToken) = await StartAsync(client, "dl_poll_quiet");
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/v3/directline/conversations/{busy}/activities", busyToken)).StatusCode);

        using var refused = await GetAsync(client, $"/v3/directline/conversations/{busy}/activities?watermark=0", busyToken);
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 1);
        using var reconnect = await GetAsync(client, $"/v3/directline/conversations/{busy}", busyToken);
        await RateLimitAssert.RefusedAsync(reconnect, expectedRetryAfterSeconds: 1);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/v3/directline/conversations/{quiet}/activities", quietToken)).StatusCode);
        app.Clock!.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/v3/directline/conversations/{busy}/activities", busyToken)).StatusCode);
    }

    private static async Task<(string Id, string Token)> StartAsync(HttpClient client, string userId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
        {
            Content = new StringContent($$"""{"user":{"id":"{{userId}}"},"locale":"en-US"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineTestHost.Secret);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string)body["conversationId"]!, (string)body["token"]!);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
