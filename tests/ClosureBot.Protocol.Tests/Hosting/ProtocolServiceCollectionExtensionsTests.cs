using System.Net;
using System.Net.Http.Headers;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Protocol.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace ClosureBot.Protocol.Tests.Hosting;

/// <summary>The Connector client's resilience pipeline as AddBotProtocol registers it, over a fake network and a fake clock.</summary>
public class ProtocolServiceCollectionExtensionsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    // The pipeline's per-attempt and total timeouts also create timers; retry delays are the other ones.
    private static readonly Func<TimeSpan, bool> RetryDelay = due => due != TimeSpan.FromSeconds(10) && due != TimeSpan.FromSeconds(30);

    private static (ConnectorClient Client, RecordingTimeProvider Clock) Build(FakeHttpHandler handler, int? maxRetries = null)
    {
        var settings = new Dictionary<string, string?>();
        if (maxRetries is { } n) settings["Bot:MaxRetries"] = n.ToString();
        var services = new ServiceCollection();
        var clock = new RecordingTimeProvider();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        // The Connector client reads the bot's identity (for its token), validated as at start-up: no app id is local development.
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Development" });
        services.AddBotProtocol(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<ConnectorClient>(), clock);
    }

    private static Task Send(ConnectorClient client) => client.SendAsync(
        new Activity { Type = ActivityTypes.Message, ServiceUrl = "https://smba.trafficmanager.net/emea/", Conversation = new() { Id = "c1" } },
        [new Activity { Type = ActivityTypes.Message, Text = "hi", ReplyToId = "in-1", Conversation = new() { Id = "c1" } }],
        CancellationToken.None);

    /// <summary>Lets every retry delay elapse on the fake clock until <paramref name="send"/> finishes; returns the delays.</summary>
    private static async Task<List<TimeSpan>> RunToCompletion(Task send, RecordingTimeProvider clock)
    {
        var delays = new List<TimeSpan>();
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            var timer = clock.NextTimerAsync(RetryDelay, cts.Token);
            if (await Task.WhenAny(send, timer) == send) break;
            var due = await timer;
            delays.Add(due);
            clock.Fake.Advance(due);
        }
        await send.ContinueWith(_ => { }, TaskScheduler.Default); // observe, the caller asserts on the outcome
        return delays;
    }

    private static HttpResponseMessage RetryAfter(HttpStatusCode status, RetryConditionHeaderValue value)
    {
        var response = FakeHttpHandler.Response(status);
        response.Headers.RetryAfter = value;
        return response;
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task ConnectorClient_TransientStatusThenOk_RetriedAndSucceeds(HttpStatusCode transient)
    {
        var handler = new FakeHttpHandler((attempt, _) => attempt <= 2 ? FakeHttpHandler.Response(transient) : FakeHttpHandler.Response(HttpStatusCode.OK, """{"id":"x"}"""));
        var (client, clock) = Build(handler);

        var send = Send(client);
        var delays = await RunToCompletion(send, clock);

        Assert.True(send.IsCompletedSuccessfully, send.Exception?.ToString());
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, delays.Count);
        // Every attempt carried the whole reply, not an already-consumed body.
        Assert.All(handler.Requests, r => Assert.Contains("\"text\":\"hi\"", r.Body));
    }

    [Fact]
    public async Task ConnectorClient_429WithRetryAfterSeconds_WaitsExactlyThatLongBeforeRetrying()
    {
        var handler = new FakeHttpHandler((attempt, _) => attempt == 1
            ? RetryAfter(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)))
            : FakeHttpHandler.Response(HttpStatusCode.OK));
        var (client, clock) = Build(handler);

        var send = Send(client);
        using var cts = new CancellationTokenSource(Patience);
        var delay = await clock.NextTimerAsync(RetryDelay, cts.Token);

        // Sleeping on the fake clock: the second attempt cannot have happened yet.
        Assert.Equal(TimeSpan.FromSeconds(1), delay);
        Assert.Single(handler.Requests);
        clock.Fake.Advance(delay);
        await send.WaitAsync(Patience);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task ConnectorClient_503WithRetryAfterDate_WaitsUntilThatTime()
    {
        RecordingTimeProvider? clockRef = null;
        var handler = new FakeHttpHandler((attempt, _) => attempt == 1
            ? RetryAfter(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(clockRef!.GetUtcNow().AddSeconds(2)))
            : FakeHttpHandler.Response(HttpStatusCode.OK));
        var (client, clock) = Build(handler);
        clockRef = clock;

        var send = Send(client);
        var delays = await RunToCompletion(send, clock);

        Assert.True(send.IsCompletedSuccessfully, send.Exception?.ToString());
        // An HTTP date has whole seconds, and the library measures it against the real clock: "now + 2 s" is
        // 1–2 s away. Without Retry-After the pipeline's own back-off would be about 200 ms.
        var delay = Assert.Single(delays);
        Assert.InRange(delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ConnectorClient_PersistentFailure_GivesUpAfterMaxRetries()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.ServiceUnavailable);
        var (client, clock) = Build(handler, maxRetries: 2);

        var send = Send(client);
        await RunToCompletion(send, clock);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => send);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task ConnectorClient_MaxRetriesZero_TriesOnce()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.ServiceUnavailable);
        var (client, clock) = Build(handler, maxRetries: 0);

        var send = Send(client);
        var delays = await RunToCompletion(send, clock);

        await Assert.ThrowsAsync<HttpRequestException>(() => send);
        Assert.Single(handler.Requests);
        Assert.Empty(delays);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task ConnectorClient_ClientError_NotRetried(HttpStatusCode status)
    {
        var handler = FakeHttpHandler.Always(status);
        var (client, clock) = Build(handler);

        var send = Send(client);
        var delays = await RunToCompletion(send, clock);

        await Assert.ThrowsAsync<HttpRequestException>(() => send);
        Assert.Single(handler.Requests);
        Assert.Empty(delays);
    }

    private static ServiceUrlPolicy PolicyFrom(Dictionary<string, string?> settings, string? environment = null)
    {
        var services = new ServiceCollection();
        if (environment is not null)
            services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddBotProtocol(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider().GetRequiredService<ServiceUrlPolicy>();
    }

    [Fact]
    public void AddBotProtocol_ConfiguredAllowList_ReplacesDefaultHosts()
    {
        // Production narrows the list to the Teams service; localhost and the other defaults must then be refused.
        var policy = PolicyFrom(new() { ["Bot:AllowedServiceUrlHosts:0"] = "smba.trafficmanager.net" });

        Assert.True(policy.IsAllowed("https://smba.trafficmanager.net/teams/"));
        Assert.False(policy.IsAllowed("http://localhost:3978/"));
        Assert.False(policy.IsAllowed("https://directline.botframework.com/"));
        Assert.False(policy.IsAllowed("https://attacker.trafficmanager.net/"));
    }

    // Issue 7, hole 4: the default allow-list admitted loopback on any port in every environment.
    [Theory]
    [InlineData(null)]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void AddBotProtocol_NoAllowListOutsideDevelopment_RefusesLoopback(string? environment)
    {
        var policy = PolicyFrom([], environment);

        Assert.True(policy.IsAllowed("https://directline.botframework.com/"));
        Assert.False(policy.IsAllowed("http://localhost:3978/"));
        Assert.False(policy.IsAllowed("http://127.0.0.1:5432/"));
        Assert.False(policy.IsAllowed("http://[::1]:6379/"));
    }

    [Fact]
    public void AddBotProtocol_NoAllowListInDevelopment_AddsLoopback()
    {
        var policy = PolicyFrom([], "Development");

        Assert.True(policy.IsAllowed("https://directline.botframework.com/"));
        Assert.True(policy.IsAllowed("http://localhost:3978/"));
    }
}
