using System.Net;
using ClosureBot.Protocol.Tests.Support;

namespace ClosureBot.Protocol.Tests.Authentication;

/// <summary>The channel's signing keys are cached, fetched again on an unknown kid (at most every 5 minutes) and daily.</summary>
public sealed class SigningKeyRefreshTests(ChannelAuthenticationFixture fixture) : IClassFixture<ChannelAuthenticationFixture>
{
    private const string AppId = AuthenticatedBotHost.AppId;

    [Fact]
    public async Task KeyRotation_NewKidInTheJwks_IsAcceptedAfterARefresh()
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca);
        using var before = await bot.PostAsync(bot.Message("old key"), Bearer(fixture.TeamsKey, bot));
        var fetches = fixture.Provider.ChannelKeyFetches;

        var rotated = fixture.Provider.AddChannelKey("msteams");
        using var tooSoon = await bot.PostAsync(bot.Message("new key, too soon"), Bearer(rotated, bot));
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        using var afterRefresh = await bot.PostAsync(bot.Message("new key"), Bearer(rotated, bot));
        using var cached = await bot.PostAsync(bot.Message("new key again"), Bearer(rotated, bot));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        // Unknown kids cannot make the bot fetch the keys on every request: the first refresh waits out the minimum interval.
        Assert.Equal(HttpStatusCode.Unauthorized, tooSoon.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(fetches + 1, fixture.Provider.ChannelKeyFetches);
        Assert.Equal(["echo: old key", "echo: new key", "echo: new key again"], bot.Replies.Select(r => (string?)r.Activity["text"]));
    }

    [Fact]
    public async Task KeysAreCachedAndFetchedAgainAfterADay_AWithdrawnKeyStopsWorking()
    {
        var withdrawn = fixture.Provider.AddChannelKey("msteams");
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca);
        using var first = await bot.PostAsync(bot.Message("one"), Bearer(withdrawn, bot));
        var fetches = fixture.Provider.ChannelKeyFetches;

        fixture.Provider.RemoveChannelKey(withdrawn);
        bot.Clock.Advance(TimeSpan.FromHours(23));
        using var cached = await bot.PostAsync(bot.Message("two"), Bearer(withdrawn, bot));
        Assert.Equal(fetches, fixture.Provider.ChannelKeyFetches);
        bot.Clock.Advance(TimeSpan.FromHours(1));
        using var refreshed = await bot.PostAsync(bot.Message("three"), Bearer(withdrawn, bot));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        Assert.Equal(fetches + 1, fixture.Provider.ChannelKeyFetches);
    }

    private static string Bearer(FakeOpenIdProvider.SigningKey key, AuthenticatedBotHost bot) =>
        "Bearer " + FakeOpenIdProvider.ChannelToken(key, AppId, bot.ServiceUrl);
}
