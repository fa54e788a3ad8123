using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClosureBot.Protocol.Tests.Support;

/// <summary>
/// A stand-in for login.botframework.com and login.microsoftonline.com on 127.0.0.1 over HTTPS (the test CA):
/// OpenID metadata and JWKS for the channel (keys with <c>endorsements</c>) and for the Emulator, a client-credentials
/// token endpoint at <c>/{tenant}/oauth2/v2.0/token</c>, and signing of tokens the way each issuer signs them.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, SigningKey> _channelKeys = new();
    private readonly ConcurrentDictionary<string, SigningKey> _emulatorKeys = new();

    private FakeOpenIdProvider(WebApplication app) => _app = app;

    public sealed record SigningKey(string Kid, RSA Rsa, string[] Endorsements);

    public sealed record TokenRequest(string Path, IReadOnlyDictionary<string, string> Form);

    public string BaseUrl { get; private set; } = "";

    public string ChannelMetadataUrl => BaseUrl + "/channel/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => BaseUrl + "/emulator/v2.0/.well-known/openid-configuration";

    public string LoginUrl => BaseUrl + "/botframework.com";

    /// <summary>How often each JWKS was fetched.</summary>
    public int ChannelKeyFetches;

    /// <summary>How often the channel's metadata was fetched.</summary>
    public int ChannelMetadataFetches;

    public ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();

    public static async Task<FakeOpenIdProvider> StartAsync(TestCertificateAuthority ca)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(ca.Server)));
        var app = builder.Build();
        var provider = new FakeOpenIdProvider(app);
        provider.Map(app);
        await app.StartAsync();
        provider.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return provider;
    }

    /// <summary>Publishes a new channel signing key (a rotation) endorsing <paramref name="endorsements"/>.</summary>
    public SigningKey AddChannelKey(params string[] endorsements) => Add(_channelKeys, endorsements);

    public void RemoveChannelKey(SigningKey key) => _channelKeys.TryRemove(key.Kid, out _);

    public SigningKey AddEmulatorKey() => Add(_emulatorKeys, []);

    /// <summary>A key the provider never publishes (a forger's).</summary>
    public static SigningKey UnpublishedKey(string? kid = null) => new(kid ?? "forged-" + Guid.NewGuid().ToString("N")[..8], RSA.Create(2048), []);

    /// <summary>A token signed as the Bot Connector signs it.</summary>
    public static string ChannelToken(SigningKey key, string audience, string serviceUrl, string issuer = ChannelIssuer,
        DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return Sign(key, issuer, audience, notBefore ?? now.AddMinutes(-1), expires ?? now.AddHours(1),
            new Dictionary<string, object> { ["serviceurl"] = serviceUrl });
    }

    /// <summary>A token as the Emulator presents it: Entra ID v1 (<c>appid</c>) or v2 (<c>azp</c>).</summary>
    public static string EmulatorToken(SigningKey key, string appId, string version)
    {
        var now = DateTime.UtcNow;
        const string tenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
        var claims = new Dictionary<string, object> { ["ver"] = version, ["tid"] = tenant, [version == "2.0" ? "azp" : "appid"] = appId };
        var issuer = version == "2.0" ? $"https://login.microsoftonline.com/{tenant}/v2.0" : $"https://sts.windows.net/{tenant}/";
        return Sign(key, issuer, appId, now.AddMinutes(-1), now.AddHours(1), claims);
    }

    private static string Sign(SigningKey key, string issuer, string audience, DateTime notBefore, DateTime expires, Dictionary<string, object> claims) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            Expires = expires,
            IssuedAt = notBefore,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = key.Kid }, SecurityAlgorithms.RsaSha256),
        });

    private static SigningKey Add(ConcurrentDictionary<string, SigningKey> keys, string[] endorsements)
    {
        var key = new SigningKey("kid-" + Guid.NewGuid().ToString("N")[..8], RSA.Create(2048), endorsements);
        keys[key.Kid] = key;
        return key;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/channel/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref ChannelMetadataFetches);
            return Results.Json(new
            {
                issuer = ChannelIssuer,
                jwks_uri = BaseUrl + "/channel/keys",
                id_token_signing_alg_values_supported = new[] { "RS256" },
            });
        });
        app.MapGet("/channel/keys", () =>
        {
            Interlocked.Increment(ref ChannelKeyFetches);
            return Results.Json(new { keys = _channelKeys.Values.Select(Jwk).ToArray() });
        });
        app.MapGet("/emulator/v2.0/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = "https://login.microsoftonline.com/{tenantid}/v2.0",
            jwks_uri = BaseUrl + "/emulator/keys",
        }));
        app.MapGet("/emulator/keys", () => Results.Json(new { keys = _emulatorKeys.Values.Select(Jwk).ToArray() }));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            TokenRequests.Enqueue(new TokenRequest(request.Path, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = "outbound-" + Guid.NewGuid().ToString("N") });
        });
    }

    private static object Jwk(SigningKey key)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new
        {
            kty = "RSA",
            use = "sig",
            kid = key.Kid,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
            endorsements = key.Endorsements,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
