using System.Net;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Tests.Support;

namespace ClosureBot.Protocol.Tests.Authentication;

/// <summary>
/// <c>POST /api/messages</c> over HTTP with <c>Bot:MicrosoftAppId</c> set, against a local OpenID provider stand-in
/// (HTTPS with a test CA): a valid channel token runs the turn and the replies carry the bot's own bearer token;
/// every flawed token is answered 401 without detail and the turn never runs.
/// </summary>
public sealed class ChannelAuthenticationTests(ChannelAuthenticationFixture fixture) : IClassFixture<ChannelAuthenticationFixture>
{
    private const string AppId = AuthenticatedBotHost.AppId;

    private FakeOpenIdProvider Provider => fixture.Provider;

    [Fact]
    public async Task ValidChannelToken_TurnRunsAndRepliesCarryTheBotsTokenFromTheCache()
    {
        await using var bot = await StartBot();
        var tokensBefore = Provider.TokenRequests.Count;

        using var first = await bot.PostAsync(bot.Message("hello"), Bearer(ChannelToken(bot)));
        using var second = await bot.PostAsync(bot.Message("again"), Bearer(ChannelToken(bot)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["echo: hello", "echo: again"], bot.Replies.Select(r => (string?)r.Activity["text"]));
        // Both replies carry the same token: one client-credentials call, the second reply served from MSAL's cache.
        var authorizations = bot.Replies.Select(r => r.Authorization).Distinct().ToList();
        var authorization = Assert.Single(authorizations);
        Assert.StartsWith("Bearer outbound-", authorization);
        var tokenRequest = Assert.Single(Provider.TokenRequests.Skip(tokensBefore));
        Assert.Equal("/botframework.com/oauth2/v2.0/token", tokenRequest.Path);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
        Assert.Equal(AppId, tokenRequest.Form["client_id"]);
        Assert.Equal(AuthenticatedBotHost.ClientSecretForTests, tokenRequest.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);
        // The channel's claims reach the turn apart from the customer's identity, which a channel token does not prove.
        Assert.All(bot.Turns, turn =>
        {
            Assert.Equal(bot.ServiceUrl, turn.Channel?.FindFirst("serviceurl")?.Value);
            Assert.Null(turn.Customer);
        });
    }

    [Fact]
    public async Task ChannelToken_ExpiredWithinTheFiveMinuteSkew_IsAccepted()
    {
        await using var bot = await StartBot();
        var now = DateTime.UtcNow;

        using var late = await bot.PostAsync(bot.Message("late"), Bearer(ChannelToken(bot, notBefore: now.AddHours(-1), expires: now.AddMinutes(-3))));
        using var early = await bot.PostAsync(bot.Message("early"), Bearer(ChannelToken(bot, notBefore: now.AddMinutes(3), expires: now.AddHours(1))));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
    }

    [Fact]
    public async Task MissingHeader_Returns401()
    {
        await using var bot = await StartBot();
        await AssertRefused(bot, bot.Message("hi"), authorization: null);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c d")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.e30")]
    public async Task MalformedHeader_Returns401(string header)
    {
        await using var bot = await StartBot();
        await AssertRefused(bot, bot.Message("hi"), header);
    }

    [Fact]
    public async Task WrongSignature_Returns401()
    {
        await using var bot = await StartBot();
        // Signed by a key the provider never published, under the kid of the real one.
        var forged = FakeOpenIdProvider.ChannelToken(FakeOpenIdProvider.UnpublishedKey(fixture.TeamsKey.Kid), AppId, bot.ServiceUrl);
        await AssertRefused(bot, bot.Message("hi"), Bearer(forged));
    }

    [Fact]
    public async Task UnsignedToken_Returns401()
    {
        await using var bot = await StartBot();
        var unsigned = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = FakeOpenIdProvider.ChannelIssuer,
            Audience = AppId,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = bot.ServiceUrl },
        });
        await AssertRefused(bot, bot.Message("hi"), Bearer(unsigned));
    }

    [Fact]
    public async Task WrongIssuer_Returns401()
    {
        await using var bot = await StartBot();
        await AssertRefused(bot, bot.Message("hi"), Bearer(ChannelToken(bot, issuer: "https://api.botframework.evil")));
    }

    [Fact]
    public async Task WrongAudience_Returns401()
    {
        await using var bot = await StartBot();
        var token = FakeOpenIdProvider.ChannelToken(fixture.TeamsKey, "00000000-0000-0000-0000-000000000bad", bot.ServiceUrl);
        await AssertRefused(bot, bot.Message("hi"), Bearer(token));
    }

    [Fact]
    public async Task Expired_BeyondTheSkew_Returns401()
    {
        await using var bot = await StartBot();
        var now = DateTime.UtcNow;
        await AssertRefused(bot, bot.Message("hi"), Bearer(ChannelToken(bot, notBefore: now.AddHours(-1), expires: now.AddMinutes(-6))));
    }

    [Fact]
    public async Task NotYetValid_BeyondTheSkew_Returns401()
    {
        await using var bot = await StartBot();
        var now = DateTime.UtcNow;
        await AssertRefused(bot, bot.Message("hi"), Bearer(ChannelToken(bot, notBefore: now.AddMinutes(6), expires: now.AddHours(1))));
    }

    [Fact]
    public async Task ServiceUrlClaimDiffersFromTheActivity_Returns401AndNothingIsPosted()
    {
        await using var bot = await StartBot();
        // The token names the real Connector; the activity asks for replies somewhere else.
        var activity = bot.Message("hi", serviceUrl: "https://smba.evil.botframework.com/");
        await AssertRefused(bot, activity, Bearer(ChannelToken(bot)));
    }

    [Fact]
    public async Task SigningKeyDoesNotEndorseTheChannel_Returns401()
    {
        await using var bot = await StartBot();
        // The key endorses msteams and emulator only.
        await AssertRefused(bot, bot.Message("hi", channelId: "webchat"), Bearer(ChannelToken(bot)));
    }

    [Fact]
    public async Task RefusedToken_DoesNotTrustItsServiceUrl()
    {
        await using var bot = await StartBot();
        await AssertRefused(bot, bot.Message("hi"), Bearer(ChannelToken(bot, issuer: "https://api.botframework.evil")));
        // Without a token the fake Connector's host is not on the allow-list, so an activity naming it cannot get replies.
        await AssertRefused(bot, bot.Message("hi"), authorization: null);
        Assert.Empty(bot.Replies);
    }

    [Fact]
    public async Task SigningKeysUnreachable_Returns401NotAServerError()
    {
        // The metadata lives on a port nothing listens on: nothing can be proven, so the answer is 401 like any bad token.
        await using var bot = await StartBot(new Dictionary<string, string?> { ["Bot:ToBotFromChannelOpenIdMetadataUrl"] = "https://127.0.0.1:9/none" });
        await AssertRefused(bot, bot.Message("hi"), Bearer(ChannelToken(bot)));
    }

    private Task<AuthenticatedBotHost> StartBot(IDictionary<string, string?>? settings = null) =>
        AuthenticatedBotHost.StartAsync(Provider, fixture.Ca, settings);

    private string ChannelToken(AuthenticatedBotHost bot, string issuer = FakeOpenIdProvider.ChannelIssuer, DateTime? notBefore = null, DateTime? expires = null) =>
        FakeOpenIdProvider.ChannelToken(fixture.TeamsKey, AppId, bot.ServiceUrl, issuer, notBefore, expires);

    private static string Bearer(string token) => "Bearer " + token;

    // 401, a body that says no more than "Unauthorized", no turn and no reply.
    private static async Task AssertRefused(AuthenticatedBotHost bot, JsonObject activity, string? authorization)
    {
        using var response = await bot.PostAsync(activity, authorization);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"Expected 401, got {(int)response.StatusCode}: {body}");
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal("Unauthorized", (string?)error["code"]);
        Assert.Equal("The request is not authorized.", (string?)error["message"]);
        Assert.Empty(bot.Turns);
        Assert.Empty(bot.Replies);
    }
}
