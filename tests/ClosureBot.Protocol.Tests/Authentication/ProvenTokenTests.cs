using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using ClosureBot.Protocol.Authentication;
using ClosureBot.Protocol.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace ClosureBot.Protocol.Tests.Authentication;

/// <summary>
/// A channel token proven once is not verified again on every turn (<see cref="ProvenTokens"/>), but a request carrying
/// it is still refused for everything a request can get wrong: another serviceUrl, a channel its key does not endorse,
/// a lifetime that has run out since, or a key the issuer has withdrawn (<see cref="SigningKeyRefreshTests"/>).
/// </summary>
public sealed class ProvenTokenTests(ChannelAuthenticationFixture fixture) : IClassFixture<ChannelAuthenticationFixture>
{
    private const string AppId = AuthenticatedBotHost.AppId;

    [Fact]
    public async Task ProvenToken_WithAnotherServiceUrl_IsRefused()
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca);
        var token = Bearer(FakeOpenIdProvider.ChannelToken(fixture.TeamsKey, AppId, bot.ServiceUrl));

        using var proven = await bot.PostAsync(bot.Message("one"), token);
        using var elsewhere = await bot.PostAsync(bot.Message("two", serviceUrl: "https://smba.evil.botframework.com/"), token);
        using var again = await bot.PostAsync(bot.Message("three"), token);

        Assert.Equal(HttpStatusCode.OK, proven.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["echo: one", "echo: three"], bot.Replies.Select(r => (string?)r.Activity["text"]));
    }

    [Fact]
    public async Task ProvenToken_OnAChannelItsKeyDoesNotEndorse_IsRefused()
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca);
        var token = Bearer(FakeOpenIdProvider.ChannelToken(fixture.TeamsKey, AppId, bot.ServiceUrl));

        using var proven = await bot.PostAsync(bot.Message("teams"), token);
        // The key endorses msteams and emulator only.
        using var webchat = await bot.PostAsync(bot.Message("webchat", channelId: "webchat"), token);

        Assert.Equal(HttpStatusCode.OK, proven.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, webchat.StatusCode);
        Assert.Single(bot.Turns);
    }

    [Fact]
    public async Task ProvenToken_WhoseLifetimeRunsOutAfterwards_IsRefused()
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca);
        // Within the five minutes of skew for two more seconds.
        var now = DateTime.UtcNow;
        var expires = now.AddMinutes(-5).AddSeconds(2);
        var token = Bearer(FakeOpenIdProvider.ChannelToken(fixture.TeamsKey, AppId, bot.ServiceUrl, notBefore: now.AddHours(-1), expires: expires));

        using var proven = await bot.PostAsync(bot.Message("in time"), token);
        var wait = expires.AddMinutes(5).AddMilliseconds(300) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        using var late = await bot.PostAsync(bot.Message("too late"), token);

        Assert.Equal(HttpStatusCode.OK, proven.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Equal(["echo: in time"], bot.Replies.Select(r => (string?)r.Activity["text"]));
    }

    [Fact]
    public async Task ATokenFirstRefusedForItsRequest_IsAcceptedWithARightOne()
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca);
        var token = Bearer(FakeOpenIdProvider.ChannelToken(fixture.TeamsKey, AppId, bot.ServiceUrl));

        var authenticator = (ChannelTokenAuthenticator)bot.Services.GetRequiredService<IChannelAuthenticator>();

        using var refused = await bot.PostAsync(bot.Message("webchat", channelId: "webchat"), token);
        // A token is remembered only from a request that was accepted.
        Assert.Equal(0, authenticator.ProvenTokenCount);
        using var accepted = await bot.PostAsync(bot.Message("teams"), token);
        using var again = await bot.PostAsync(bot.Message("teams again"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, authenticator.ProvenTokenCount);
    }

    [Fact]
    public void Kept_AreBoundedInCountAndLength_AndExpiredOnesMakeRoom()
    {
        var tokens = new ProvenTokens();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < ProvenTokens.Capacity; i++) tokens.Add($"token-{i}", Proof(now, expires: now.AddMinutes(i == 7 ? 1 : 60)), now);

        tokens.Add("one-too-many", Proof(now, now.AddHours(1)), now);
        Assert.Equal(ProvenTokens.Capacity, tokens.Count);
        Assert.False(tokens.TryGet("one-too-many", now, out _));

        // Once token-7 has expired it makes room.
        var later = now.AddMinutes(2);
        tokens.Add("one-too-many", Proof(now, now.AddHours(1)), later);
        Assert.True(tokens.TryGet("one-too-many", later, out _));
        Assert.False(tokens.TryGet("token-7", later, out _));

        tokens.Add(new string('x', ProvenTokens.MaxTokenLength + 1), Proof(now, now.AddHours(1)), later);
        Assert.False(tokens.TryGet(new string('x', ProvenTokens.MaxTokenLength + 1), later, out _));
    }

    [Fact]
    public void Kept_AreFoundOnlyByTheirExactText_AndWithinTheirLifetime()
    {
        var tokens = new ProvenTokens();
        var now = DateTimeOffset.UtcNow;
        tokens.Add("abc.def.ghi", Proof(now.AddMinutes(1), now.AddMinutes(10)), now);

        Assert.False(tokens.TryGet("ABC.DEF.GHI", now.AddMinutes(2), out _));
        Assert.False(tokens.TryGet("abc.def.ghi ", now.AddMinutes(2), out _));
        Assert.True(tokens.TryGet("abc.def.ghi", now.AddMinutes(2), out _));
        Assert.False(tokens.TryGet("abc.def.ghi", now.AddMinutes(11), out _));
        // An expired token is dropped, not kept for later.
        Assert.Equal(0, tokens.Count);

        // Before its lifetime (a clock set back since it was proven): not accepted, and checked in full next time.
        tokens.Add("abc.def.ghi", Proof(now.AddMinutes(1), now.AddMinutes(10)), now);
        Assert.False(tokens.TryGet("abc.def.ghi", now, out _));
        Assert.Equal(0, tokens.Count);
    }

    private ProvenTokens.Proven Proof(DateTimeOffset notBefore, DateTimeOffset expires) =>
        new(ChannelAuthenticationResult.Success(new ClaimsIdentity()), Source, "kid", Keys, new HashSet<string> { "msteams" },
            "https://smba.trafficmanager.net/", notBefore, expires);

    private static readonly Dictionary<SecurityKey, IReadOnlySet<string>> Keys = new() { [new RsaSecurityKey(RSA.Create(2048))] = new HashSet<string>() };

    private static readonly OpenIdKeySource Source = new("https://127.0.0.1:9/none", () => new HttpClient(), TimeProvider.System,
        TimeSpan.FromDays(1), TimeSpan.FromMinutes(5));

    private static string Bearer(string token) => "Bearer " + token;
}
