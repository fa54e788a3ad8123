using ClosureBot.LoadTest;

namespace ClosureBot.LoadTest.Tests;

/// <summary>
/// The load command's stand-in for the Connector's token service, against the real bot started as the command starts it:
/// with the issuer's configuration the bot runs in Production, fetches its keys over HTTPS (trusting the throwaway CA
/// through SSL_CERT_FILE), walks a whole closure whose every turn carries the run's token, and refuses a turn without one.
/// </summary>
public sealed class ChannelTokenIssuerTests
{
    [Fact]
    public async Task TheBotItConfigures_WalksAClosureWithTheToken_AndRefusesATurnWithout()
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        using var http = new HttpClient();
        await using var store = LoadStore.Sqlite();
        // The host's lifetime lines (which the command keeps at Warning) say which environment the bot runs in.
        await using var bot = await BotProcess.StartAsync(Builds.BotDll(), store,
            [.. issuer.BotArgs, "Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Information"], http, issuer.BotEnvironment);
        await bot.WaitForOutputAsync("Hosting environment: \"Production\"", TimeSpan.FromSeconds(30));
        var messages = new Uri(bot.Url, "/api/messages");
        var clock = new LoadClock(TimeSpan.Zero, TimeSpan.FromDays(1));

        var withToken = TurnConnection.To([messages], issuer.Token);
        var walk = await new Customer(withToken, 0, "issuer-test-user", "ACME", clock, TimeSpan.FromSeconds(30))
            .WalkAsync($"issuer-test-{Guid.NewGuid():N}", Customer.CanonicalSequence.Length);
        TurnConnection.DisposeAll(withToken);

        var without = TurnConnection.To([messages]);
        var refused = await new Customer(without, 0, "issuer-test-stranger", "ACME", clock, TimeSpan.FromSeconds(30))
            .WalkAsync($"issuer-test-{Guid.NewGuid():N}", 1);
        TurnConnection.DisposeAll(without);

        Assert.Null(walk);
        Assert.Equal("turn 1: HTTP 401", refused);
        // The keys were fetched once, at the bot's start or on its first turn, and then kept.
        Assert.Equal(1, issuer.MetadataRequests);
        Assert.Equal(1, issuer.KeyRequests);
    }

    [Fact]
    public async Task TheBotItConfigures_RunsInProduction_AcceptingTypedAliasesAsTheWalkNeeds()
    {
        // A deployed bot runs in Production (deploy/compose.yaml). Development adds what a deployment has not: the
        // container's scope checks on every service a request resolves and the developer exception page (measured: about
        // 7 % more CPU a turn). Production asks for a verified account by default; the walk types its alias, as the SDK
        // peer's does, so the bots are told to accept a typed one, which Development did by default.
        await using var issuer = await ChannelTokenIssuer.StartAsync();

        Assert.Equal("Production", issuer.BotEnvironment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Contains("Identity:RequireVerified=false", issuer.BotArgs);
    }
}
