using ClosureBot.Protocol.Tests.Support;

namespace ClosureBot.LoadTest;

/// <summary>
/// The Connector's token service for the bots the command starts, so that they check a channel token on every turn, as
/// a deployed bot does (<c>Bot:MicrosoftAppId</c> set). It is the tests' own stand-in (<see cref="FakeOpenIdProvider"/>
/// over HTTPS with a throwaway <see cref="TestCertificateAuthority"/>, linked from ClosureBot.Protocol.Tests), with one
/// channel key that endorses <c>webchat</c> and one RS256 token for the whole run, as the Connector sends one token to a
/// bot for every conversation. The bot trusts the CA through <c>SSL_CERT_FILE</c> (a PEM file this makes and deletes);
/// nothing else trusts it. The certificate and the token last a day, longer than any run the command allows.
/// </summary>
public sealed class ChannelTokenIssuer : IAsyncDisposable
{
    /// <summary>The app id the bots are configured with and the token is issued for (the audience).</summary>
    public const string AppId = "5e1f7c3a-0c4d-4b7e-9c1d-6c0ad0be7a11";

    /// <summary>The service URL Web Chat's activities carry through Azure Bot Service, named by the token's <c>serviceurl</c> claim.</summary>
    public const string ServiceUrl = "https://webchat.botframework.com/";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private readonly TestCertificateAuthority _ca;
    private readonly FakeOpenIdProvider _provider;
    private readonly string _authorityPemPath;

    private ChannelTokenIssuer(TestCertificateAuthority ca, FakeOpenIdProvider provider, string authorityPemPath)
    {
        _ca = ca;
        _provider = provider;
        _authorityPemPath = authorityPemPath;
        var key = provider.AddChannelKey("webchat", "msteams", "directline");
        Token = FakeOpenIdProvider.ChannelToken(key, AppId, ServiceUrl, expires: DateTime.UtcNow + Lifetime);
    }

    /// <summary>The channel token every turn carries: <c>Authorization: Bearer {Token}</c>.</summary>
    public string Token { get; }

    /// <summary>The OpenID metadata document's address (HTTPS, 127.0.0.1).</summary>
    public string MetadataUrl => _provider.ChannelMetadataUrl;

    /// <summary>How many times the bots fetched the metadata and the keys (a bot fetches them once, then keeps them).</summary>
    public int MetadataRequests => _provider.ChannelMetadataFetches;

    public int KeyRequests => _provider.ChannelKeyFetches;

    /// <summary>
    /// The configuration a bot needs to check this issuer's tokens, and to accept the typed account alias the load's walk
    /// gives (Production asks for a verified account by default; the SDK peer verifies nothing either).
    /// </summary>
    public IReadOnlyList<string> BotArgs =>
        [$"Bot:MicrosoftAppId={AppId}", $"Bot:ToBotFromChannelOpenIdMetadataUrl={MetadataUrl}", $"Bot:ToBotFromChannelTokenIssuer={FakeOpenIdProvider.ChannelIssuer}",
         "Identity:RequireVerified=false"];

    /// <summary>
    /// The environment a bot needs to trust this issuer's certificate, and to run as deployed: in Production, as
    /// deploy/compose.yaml runs it. Development would add the container's scope checks on every service a request
    /// resolves and the developer exception page (tests/ClosureBot.LoadTest/MEASUREMENTS.md, forty-fifth measurement).
    /// </summary>
    public IReadOnlyDictionary<string, string> BotEnvironment => new Dictionary<string, string>
    {
        ["SSL_CERT_FILE"] = _authorityPemPath,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };

    public static async Task<ChannelTokenIssuer> StartAsync()
    {
        var ca = new TestCertificateAuthority(Lifetime);
        var pemPath = Path.Combine(Path.GetTempPath(), $"closurebot-load-{Guid.NewGuid():N}.ca.pem");
        await File.WriteAllTextAsync(pemPath, ca.Authority.ExportCertificatePem());
        return new ChannelTokenIssuer(ca, await FakeOpenIdProvider.StartAsync(ca), pemPath);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _ca.Dispose();
        File.Delete(_authorityPemPath);
    }
}
