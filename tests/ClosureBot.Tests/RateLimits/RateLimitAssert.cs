using System.Net;
using System.Text.Json.Nodes;

namespace ClosureBot.Tests.RateLimits;

public static class RateLimitAssert
{
    /// <summary>429 with <c>Retry-After</c> in seconds and the <c>{"error":{"code","message"}}</c> body.</summary>
    public static async Task RefusedAsync(HttpResponseMessage response, int expectedRetryAfterSeconds)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"expected 429, got {(int)response.StatusCode} {body}");
        Assert.Equal(TimeSpan.FromSeconds(expectedRetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("TooManyRequests", (string?)JsonNode.Parse(body)?["error"]?["code"]);
    }
}
