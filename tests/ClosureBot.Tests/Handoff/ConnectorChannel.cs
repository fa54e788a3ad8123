using System.Net.Http.Headers;
using ClosureBot.Protocol.Authentication;
using ClosureBot.Protocol.Tests.Support;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Handoff;

/// <summary>
/// Web chat brought by the Bot Connector, as a contact-center channel reaches the bot: the app runs with
/// <c>Bot:MicrosoftAppId</c> against the local OpenID provider stand-in, whose channel key endorses <c>webchat</c>, and
/// every activity of a <see cref="Customer"/> carries a channel token signed with that key. An
/// <see cref="EmulatorCustomer"/> carries an Emulator token for the same app instead.
/// </summary>
public sealed class ConnectorChannel : IAsyncDisposable
{
    private const string AppId = "5b0f3c2e-8d41-4e6a-9f7b-2c1d0e3f4a5b";

    private readonly TestCertificateAuthority _ca;
    private readonly FakeOpenIdProvider _provider;
    private readonly FakeOpenIdProvider.SigningKey _channelKey;
    private readonly FakeOpenIdProvider.SigningKey _emulatorKey;

    private ConnectorChannel(TestCertificateAuthority ca, FakeOpenIdProvider provider)
    {
        _ca = ca;
        _provider = provider;
        _channelKey = provider.AddChannelKey(Protocol.Activities.Channels.WebChat);
        _emulatorKey = provider.AddEmulatorKey();
    }

    public static async Task<ConnectorChannel> StartAsync()
    {
        var ca = new TestCertificateAuthority();
        try
        {
            return new ConnectorChannel(ca, await FakeOpenIdProvider.StartAsync(ca));
        }
        catch
        {
            ca.Dispose();
            throw;
        }
    }

    /// <summary>The app's settings that make <c>/api/messages</c> take only requests these tokens prove.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = $"secret-{Guid.NewGuid():N}", // made up per run
        ["Bot:ToBotFromChannelOpenIdMetadataUrl"] = _provider.ChannelMetadataUrl,
        ["Bot:ToBotFromEmulatorOpenIdMetadataUrl"] = _provider.EmulatorMetadataUrl,
        ["Bot:ToChannelFromBotLoginUrl"] = _provider.LoginUrl,
    };

    /// <summary>Lets the app fetch the provider's keys over its test CA.</summary>
    public void Trust(IServiceCollection services) =>
        services.AddHttpClient(BotAuthenticationOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(_ca.CreateTrustingHandler);

    /// <summary>A new web chat customer whose every activity the Connector's channel token for <c>webchat</c> proves.</summary>
    public ConversationClient Customer(BotApplicationFactory app) => Client(app, FakeOpenIdProvider.ChannelToken(_channelKey, AppId, ServiceUrl));

    /// <summary>A new web chat customer whose every activity carries an Emulator token for the app (which endorses no channel).</summary>
    public ConversationClient EmulatorCustomer(BotApplicationFactory app) => Client(app, FakeOpenIdProvider.EmulatorToken(_emulatorKey, AppId, "1.0"));

    // The serviceUrl of the web chat payload, which a channel token must name.
    private static string ServiceUrl => (string)ConversationClient.Payload("webchat-message.json")["serviceUrl"]!;

    private static ConversationClient Client(BotApplicationFactory app, string token)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return ConversationClient.FromPayload(http, "webchat-message.json", BotApplicationFactory.NewId("dl_"), BotApplicationFactory.NewId("conv-"));
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _ca.Dispose();
    }
}
