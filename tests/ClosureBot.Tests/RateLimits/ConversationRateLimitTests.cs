using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ClosureBot.Tests.RateLimits;

// Direct Line conversations started, with the default limit of 20 a minute per client address.
public sealed class ConversationRateLimitTests
{
    private static readonly Dictionary<string, string?> WithSecret = new() { ["DirectLine:Secret"] = DirectLineTestHost.Secret };

    [Fact]
    public async Task StartConversation_21stFromOneClientInAMinute_Refused429UntilTheClockMoves()
    {
        await using var app = new BotApplicationFactory(settings: WithSecret, defaultRateLimits: true);
        var client = app.CreateClient();
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Created, (await StartAsync(client)).StatusCode);

        using var refused = await StartAsync(client);
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 3);

        app.Clock!.Advance(TimeSpan.FromSeconds(3));
        using var again = await StartAsync(client);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task StartConversation_ForwardedForFromACallerNotAProxy_CountedAsTheConnection()
    {
        await using var host = new DirectLineTestHost(defaultRateLimits: true, clock: new FakeTimeProvider(BotApplicationFactory.Start));
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Created, (await StartAsync(host.Client, forwardedFor: $"203.0.113.{i}")).StatusCode);

        using var refused = await StartAsync(host.Client, forwardedFor: "198.51.100.7");
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 3);
    }

    [Fact]
    public async Task StartConversation_BehindAKnownProxy_EachClientCountedOnItsOwn()
    {
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" },
            defaultRateLimits: true, clock: new FakeTimeProvider(BotApplicationFactory.Start));
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Created, (await StartAsync(host.Client, forwardedFor: "203.0.113.5")).StatusCode);

        using var refused = await StartAsync(host.Client, forwardedFor: "203.0.113.5");
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 3);
        using var neighbour = await StartAsync(host.Client, forwardedFor: "203.0.113.6");
        Assert.Equal(HttpStatusCode.Created, neighbour.StatusCode);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
        {
            Content = new StringContent("""{"user":{"id":"dl_limits_user"},"locale":"en-US"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineTestHost.Secret);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }
}
