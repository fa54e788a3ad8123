using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClosureBot.LoadTest;

/// <summary>
/// A local stand-in for the Bot Connector's token service, so that the bots the command starts check a channel token on
/// every turn, as a deployed bot does (<c>Bot:MicrosoftAppId</c> set): a throwaway CA and server certificate, the
/// OpenID metadata and a JWKS whose one RSA key endorses <c>webchat</c>, served over HTTPS on 127.0.0.1, and one RS256
/// token for the whole run, as the Connector sends one token to a bot for every conversation until it expires. The bot
/// trusts the CA through <c>SSL_CERT_FILE</c> (a PEM file this makes and deletes); nothing else trusts it.
/// </summary>
public sealed class ChannelTokenIssuer : IAsyncDisposable
{
    /// <summary>The app id the bots are configured with and the token is issued for (the audience).</summary>
    public const string AppId = "5e1f7c3a-0c4d-4b7e-9c1d-6c0ad0be7a11";

    /// <summary>The issuer of channel tokens, as the Connector signs them (the bot's default <c>Bot:ToBotFromChannelTokenIssuer</c>).</summary>
    public const string Issuer = "https://api.botframework.com";

    /// <summary>The service URL Web Chat's activities carry through Azure Bot Service, named by the token's <c>serviceurl</c> claim.</summary>
    public const string ServiceUrl = "https://webchat.botframework.com/";

    private const string KeyId = "closurebot-load-channel-key";
    private readonly WebApplication _server;
    private readonly RSA _signingKey;
    private readonly X509Certificate2 _authority;
    private readonly X509Certificate2 _serverCertificate;
    private readonly string _authorityPemPath;

    private ChannelTokenIssuer(WebApplication server, RSA signingKey, X509Certificate2 authority, X509Certificate2 serverCertificate,
        string authorityPemPath, Uri metadataUrl)
    {
        _server = server;
        _signingKey = signingKey;
        _authority = authority;
        _serverCertificate = serverCertificate;
        _authorityPemPath = authorityPemPath;
        MetadataUrl = metadataUrl;
        Token = Sign(DateTimeOffset.UtcNow);
    }

    /// <summary>The OpenID metadata document's address (HTTPS, 127.0.0.1).</summary>
    public Uri MetadataUrl { get; }

    /// <summary>The channel token every turn carries: <c>Authorization: Bearer {Token}</c>.</summary>
    public string Token { get; }

    /// <summary>How many times the bots fetched the metadata and the keys (a bot fetches them once, then caches them).</summary>
    public int MetadataRequests => _metadataRequests;

    public int KeyRequests => _keyRequests;

    private int _metadataRequests, _keyRequests;

    /// <summary>The configuration a bot needs to check this issuer's tokens.</summary>
    public IReadOnlyList<string> BotArgs =>
        [$"Bot:MicrosoftAppId={AppId}", $"Bot:ToBotFromChannelOpenIdMetadataUrl={MetadataUrl}", $"Bot:ToBotFromChannelTokenIssuer={Issuer}"];

    /// <summary>The environment a bot needs to trust this issuer's certificate.</summary>
    public IReadOnlyDictionary<string, string> BotEnvironment => new Dictionary<string, string> { ["SSL_CERT_FILE"] = _authorityPemPath };

    public static async Task<ChannelTokenIssuer> StartAsync()
    {
        var (authority, serverCertificate) = MakeCertificates();
        var pemPath = Path.Combine(Path.GetTempPath(), $"closurebot-load-{Guid.NewGuid():N}.ca.pem");
        await File.WriteAllTextAsync(pemPath, authority.ExportCertificatePem());
        var signingKey = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serverCertificate)));
        var server = builder.Build();
        ChannelTokenIssuer? issuer = null;
        server.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) =>
        {
            Interlocked.Increment(ref issuer!._metadataRequests);
            return Results.Text(issuer.MetadataJson(), "application/json");
        });
        server.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref issuer!._keyRequests);
            return Results.Text(issuer.KeysJson(), "application/json");
        });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(address.Replace("[::]", "127.0.0.1")).Port;
        issuer = new ChannelTokenIssuer(server, signingKey, authority, serverCertificate, pemPath,
            new Uri($"https://127.0.0.1:{port}/v1/.well-known/openidconfiguration"));
        return issuer;
    }

    /// <summary>An RS256 channel token for the configured app and Web Chat's service URL, valid for an hour from <paramref name="now"/>.</summary>
    public string Sign(DateTimeOffset now)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["kid"] = KeyId, ["typ"] = "JWT" });
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["iss"] = Issuer,
            ["aud"] = AppId,
        });
        var signed = $"{Base64Url(header)}.{Base64Url(payload)}";
        var signature = _signingKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url(signature)}";
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        _signingKey.Dispose();
        _serverCertificate.Dispose();
        _authority.Dispose();
        File.Delete(_authorityPemPath);
    }

    private string MetadataJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = new Uri(MetadataUrl, "/v1/.well-known/keys").ToString(),
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    });

    private string KeysJson()
    {
        var key = _signingKey.ExportParameters(false);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["kid"] = KeyId, ["n"] = Base64Url(key.Modulus!), ["e"] = Base64Url(key.Exponent!),
                    ["endorsements"] = new[] { "webchat", "msteams", "directline" },
                },
            },
        });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (X509Certificate2 Authority, X509Certificate2 Server) MakeCertificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=ClosureBot load test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var authority = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(authority, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        // Reloaded from PKCS#12 so that the TLS stack can use the private key.
        return (authority, X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null));
    }
}
