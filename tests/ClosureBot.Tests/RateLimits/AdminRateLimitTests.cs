using System.Net;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.RateLimits;

// The admin API with the default limits: 10 requests at once, then 30 a minute per client address, so a caller
// guessing the key gets a handful of tries, not thousands.
public sealed class AdminRateLimitTests
{
    private static readonly Dictionary<string, string?> AdminKey = new() { ["Admin:ApiKey"] = "s3cret-admin-key" };

    [Fact]
    public async Task AdminApi_GuessingTheKeyFromOneClient_Refused429AfterTheBurst()
    {
        await using var app = new BotApplicationFactory(settings: AdminKey, defaultRateLimits: true);
        var client = app.CreateClient();
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, "/admin/closure-requests", $"guess-{i}")).StatusCode);

        using var refused = await GetAsync(client, "/admin/audit", "guess-10");
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 2);
        // Refused before the key is even looked at: the right key gets no further until the clock moves.
        using var rightKeyRefused = await GetAsync(client, "/admin/closure-requests", "s3cret-admin-key");
        Assert.Equal(HttpStatusCode.TooManyRequests, rightKeyRefused.StatusCode);

        app.Clock!.Advance(TimeSpan.FromSeconds(2));
        using var again = await GetAsync(client, "/admin/closure-requests", "s3cret-admin-key");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }
}
