using System.Net;
using ClosureBot.Protocol.Tests.Support;

namespace ClosureBot.Protocol.Tests.Authentication;

/// <summary>Emulator (Entra ID) tokens, v1 and v2, are accepted as the Bot Framework SDK accepts them.</summary>
public sealed class EmulatorTokenTests(ChannelAuthenticationFixture fixture) : IClassFixture<ChannelAuthenticationFixture>
{
    private const string AppId = AuthenticatedBotHost.AppId;

    // The Emulator's token names no serviceUrl, so its (local) Connector must be on the allow-list.
    private static readonly Dictionary<string, string?> LocalConnectorAllowed = new() { ["Bot:AllowedServiceUrlHosts:0"] = "127.0.0.1" };

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EmulatorToken_ForThisAppId_TurnRuns(string version)
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca, LocalConnectorAllowed);

        using var response = await bot.PostAsync(bot.Message("hi", channelId: "emulator"),
            "Bearer " + FakeOpenIdProvider.EmulatorToken(fixture.EmulatorKey, AppId, version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(bot.Replies);
        Assert.Equal("echo: hi", (string?)reply.Activity["text"]);
        Assert.StartsWith("Bearer outbound-", reply.Authorization);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EmulatorToken_ForAnotherAppId_Returns401(string version)
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca, LocalConnectorAllowed);

        using var response = await bot.PostAsync(bot.Message("hi", channelId: "emulator"),
            "Bearer " + FakeOpenIdProvider.EmulatorToken(fixture.EmulatorKey, "11111111-2222-3333-4444-555555555555", version));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Turns);
    }

    [Fact]
    public async Task EmulatorToken_SignedWithAKeyNotInTheEmulatorMetadata_Returns401()
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca, LocalConnectorAllowed);

        // The channel's key is a good key, but not one of Entra ID's.
        using var response = await bot.PostAsync(bot.Message("hi", channelId: "emulator"),
            "Bearer " + FakeOpenIdProvider.EmulatorToken(fixture.TeamsKey, AppId, "2.0"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Turns);
    }
}
