using System.Net;
using System.Net.Sockets;
using ClosureBot.Protocol.Authentication;
using ClosureBot.Protocol.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Protocol.Tests.Authentication;

/// <summary>
/// With an app id the channel's signing keys are fetched as the app starts, so the first activity after a start does not
/// wait for the issuer; an issuer that cannot be reached then is no worse than before: the first activity tries itself.
/// </summary>
public sealed class SigningKeyPrefetchTests(ChannelAuthenticationFixture fixture) : IClassFixture<ChannelAuthenticationFixture>
{
    [Fact]
    public async Task WithAnAppId_TheKeysAreFetchedAtStart_AndTheFirstActivityUsesThem()
    {
        var before = fixture.Provider.ChannelKeyFetches;
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca);

        var prefetch = bot.Services.GetRequiredService<SigningKeyPrefetch>();
        await prefetch.Fetch.WaitAsync(TimeSpan.FromSeconds(30));
        // The keys, and the warm-up token proven through the token handler.
        Assert.Null(prefetch.Failure);
        Assert.Equal(before + 1, fixture.Provider.ChannelKeyFetches);

        var token = FakeOpenIdProvider.ChannelToken(fixture.TeamsKey, AuthenticatedBotHost.AppId, bot.ServiceUrl);
        using var first = await bot.PostAsync(bot.Message("first"), "Bearer " + token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(before + 1, fixture.Provider.ChannelKeyFetches);
    }

    [Fact]
    public async Task WithTheMessagingEndpointOff_NothingIsFetched()
    {
        var before = fixture.Provider.ChannelKeyFetches;
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca,
            new Dictionary<string, string?> { ["Bot:MessagesEndpointEnabled"] = "false" });

        var prefetch = bot.Services.GetRequiredService<SigningKeyPrefetch>();
        await prefetch.Fetch.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(prefetch.Failure);
        Assert.Equal(before, fixture.Provider.ChannelKeyFetches);
    }

    [Fact]
    public async Task StoppingTheApp_WhileTheIssuerDoesNotAnswer_EndsTheFetch_WithoutReportingAFailure()
    {
        // An issuer that takes the connection and never answers: the fetch would wait for the client's 10 s timeout.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new System.Collections.Concurrent.ConcurrentBag<Socket>();
        var accepting = Task.Run(async () =>
        {
            try { while (true) held.Add(await silent.AcceptSocketAsync()); }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca,
            new Dictionary<string, string?> { ["Bot:ToBotFromChannelOpenIdMetadataUrl"] = $"https://127.0.0.1:{port}/silent" });
        var prefetch = bot.Services.GetRequiredService<SigningKeyPrefetch>();
        await Task.Delay(200);
        Assert.False(prefetch.Fetch.IsCompleted);

        await bot.DisposeAsync();

        // Stopping cancelled it: the fetch is over once the app has stopped, and a shutdown is not a failure to log.
        Assert.True(prefetch.Fetch.IsCompleted);
        Assert.Null(prefetch.Failure);
        silent.Stop();
        await accepting;
        foreach (var socket in held) socket.Dispose();
    }

    [Fact]
    public async Task AnIssuerUnreachableAtStart_DoesNotStopTheApp_AndTheFirstActivityIsRefusedAsBefore()
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca,
            new Dictionary<string, string?> { ["Bot:ToBotFromChannelOpenIdMetadataUrl"] = "https://127.0.0.1:9/none" });

        // The failure is logged, not thrown.
        var prefetch = bot.Services.GetRequiredService<SigningKeyPrefetch>();
        await prefetch.Fetch.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(prefetch.Failure);
        var token = FakeOpenIdProvider.ChannelToken(fixture.TeamsKey, AuthenticatedBotHost.AppId, bot.ServiceUrl);
        using var response = await bot.PostAsync(bot.Message("hi"), "Bearer " + token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
