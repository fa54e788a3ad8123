using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Authentication;
using ClosureBot.Protocol.Tests.Support;
using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Hosting;

/// <summary>
/// The whole app with <c>Bot:MicrosoftAppId</c> set, against the local OpenID provider stand-in: a Teams message with
/// a valid channel token runs the closure turn, and its replies reach the Connector (through the reply outbox) with the
/// bot's client-credentials token; the same message with a token for another bot changes nothing.
/// </summary>
public sealed class ChannelTokenTests
{
    private const string AppId = "9c1e4b7a-2d3f-4a5b-8c6d-7e8f9a0b1c2d";

    [Fact]
    public async Task TeamsMessage_ValidChannelToken_TurnRunsAndRepliesCarryTheBotsToken()
    {
        using var ca = new TestCertificateAuthority();
        await using var provider = await FakeOpenIdProvider.StartAsync(ca);
        var key = provider.AddChannelKey("msteams");
        await using var connector = await FakeConnector.StartAsync();
        await using var factory = new BotApplicationFactory(fakeClock: false, settings: Settings(provider));
        await using var app = Trusting(factory, ca);
        var message = Message(app, connector);

        using var response = await Post(app, message, FakeOpenIdProvider.ChannelToken(key, AppId, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A typing indicator (Teams), the overview card, then its question.
        Assert.Equal(3, connector.Delivered.Count);
        Assert.Equal("Shall we start?", connector.Delivered[2].Text);
        Assert.All(connector.Delivered, reply => Assert.StartsWith("Bearer outbound-", reply.Authorization));
        Assert.Single(connector.Delivered.Select(r => r.Authorization).Distinct());
        Assert.Single(provider.TokenRequests);
    }

    [Fact]
    public async Task TeamsMessage_TokenForAnotherBot_Returns401AndNothingIsSent()
    {
        using var ca = new TestCertificateAuthority();
        await using var provider = await FakeOpenIdProvider.StartAsync(ca);
        var key = provider.AddChannelKey("msteams");
        await using var connector = await FakeConnector.StartAsync();
        await using var factory = new BotApplicationFactory(fakeClock: false, settings: Settings(provider));
        await using var app = Trusting(factory, ca);

        using var response = await Post(app, Message(app, connector),
            FakeOpenIdProvider.ChannelToken(key, "00000000-0000-0000-0000-000000000bad", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
        Assert.Empty(provider.TokenRequests);
    }

    // A Teams user is verified only when the Connector's channel token (whose key endorses msteams) proved the request:
    // an Emulator token proves this bot's app id and no channel, so it cannot make anyone a verified Teams customer.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TeamsMessage_VerifiedOnlyByTheConnectorsChannelToken(bool emulator)
    {
        using var ca = new TestCertificateAuthority();
        await using var provider = await FakeOpenIdProvider.StartAsync(ca);
        var token = emulator ? FakeOpenIdProvider.EmulatorToken(provider.AddEmulatorKey(), AppId, "1.0")
            : FakeOpenIdProvider.ChannelToken(provider.AddChannelKey("msteams"), AppId, "https://smba.trafficmanager.net/emea/");
        var settings = Settings(provider);
        settings["Bot:AllowedServiceUrlHosts:1"] = "smba.trafficmanager.net";
        settings["Teams:TenantAccounts:" + Channels.Teams.TeamsChat.TenantId + ":Accounts:0"] = "ACME";
        await using var factory = new BotApplicationFactory(fakeClock: false, settings: settings);
        await using var app = Trusting(factory, ca);
        var ann = ConversationClient.FromPayload(app.CreateClient(), "teams-message.json", BotApplicationFactory.NewId("29:"), BotApplicationFactory.NewId("a:"));

        using var opening = await Post(app, ann.Message("I want to close my account", null), token);
        using var yes = await Post(app, ann.Message("yes", null), token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (opening.StatusCode, yes.StatusCode));
        var texts = (await yes.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray().Select(a => (string?)a!["text"]).ToList();
        // Verified with one account: straight to its term commitment; otherwise asked which account.
        Assert.Equal(emulator, texts.Any(t => t?.StartsWith("Which account do you want to close?", StringComparison.Ordinal) == true));
    }

    private static Dictionary<string, string?> Settings(FakeOpenIdProvider provider) => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = $"secret-{Guid.NewGuid():N}", // made up per run
        ["Bot:ToBotFromChannelOpenIdMetadataUrl"] = provider.ChannelMetadataUrl,
        ["Bot:ToBotFromEmulatorOpenIdMetadataUrl"] = provider.EmulatorMetadataUrl,
        ["Bot:ToChannelFromBotLoginUrl"] = provider.LoginUrl,
        // Only the Bot Framework's hosts: the fake Connector on 127.0.0.1 is reachable because the token named it.
        ["Bot:AllowedServiceUrlHosts:0"] = "*.botframework.com",
    };

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Trusting(BotApplicationFactory factory, TestCertificateAuthority ca) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHttpClient(BotAuthenticationOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(ca.CreateTrustingHandler)));

    private static JsonObject Message(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, FakeConnector connector)
    {
        var message = ConversationClient.FromPayload(app.CreateClient(), "teams-message.json", BotApplicationFactory.NewId("29:"), BotApplicationFactory.NewId("a:"))
            .Message("I want to close my account", null);
        message["serviceUrl"] = connector.ServiceUrl;
        message.Remove("deliveryMode");
        return message;
    }

    private static async Task<HttpResponseMessage> Post(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, JsonObject activity, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return await app.CreateClient().SendAsync(request);
    }
}
