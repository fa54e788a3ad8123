using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ClosureBot.Protocol.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClosureBot.Protocol.Tests.Authentication;

/// <summary>Where the bot gets its Connector token for each app type, and that local development sends none.</summary>
public sealed class ConnectorCredentialsTests(ChannelAuthenticationFixture fixture) : IClassFixture<ChannelAuthenticationFixture>
{
    private const string AppId = AuthenticatedBotHost.AppId;

    [Fact]
    public async Task SingleTenant_TokenComesFromTheAppsOwnTenant()
    {
        const string tenant = "7a1b2c3d-0000-4000-8000-00000000abcd";
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca, new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppType"] = "SingleTenant",
            ["Bot:MicrosoftAppTenantId"] = tenant,
        });

        using var response = await bot.PostAsync(bot.Message("hi"), Bearer(bot));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Bearer outbound-", Assert.Single(bot.Replies).Authorization);
        Assert.Contains(fixture.Provider.TokenRequests, r => r.Path == $"/{tenant}/oauth2/v2.0/token" && r.Form["client_id"] == AppId);
    }

    [Fact]
    public async Task Certificate_TokenRequestIsASignedAssertionInsteadOfASecret()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=closurebot-test-app", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var path = Path.Combine(Path.GetTempPath(), $"closurebot-app-{Guid.NewGuid():N}.pfx");
        var pfxPassword = Guid.NewGuid().ToString("N"); // made up per run
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12, pfxPassword));
        try
        {
            await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca, new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppPassword"] = "",
                ["Bot:MicrosoftAppCertificatePath"] = path,
                ["Bot:MicrosoftAppCertificatePassword"] = pfxPassword,
            });
            var before = fixture.Provider.TokenRequests.Count;

            using var response = await bot.PostAsync(bot.Message("hi"), Bearer(bot));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var request = Assert.Single(fixture.Provider.TokenRequests.Skip(before));
            Assert.False(request.Form.ContainsKey("client_secret"));
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.Form["client_assertion_type"]);
            var assertion = await new JsonWebTokenHandler().ValidateTokenAsync(request.Form["client_assertion"], new TokenValidationParameters
            {
                IssuerSigningKey = new X509SecurityKey(X509CertificateLoader.LoadCertificate(certificate.RawData)),
                ValidIssuer = AppId,
                ValidAudience = fixture.Provider.LoginUrl + "/oauth2/v2.0/token",
            });
            Assert.True(assertion.IsValid, assertion.Exception?.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task NoAppId_LocalDevelopment_RepliesCarryNoToken()
    {
        await using var bot = await AuthenticatedBotHost.StartAsync(fixture.Provider, fixture.Ca, new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "",
            ["Bot:MicrosoftAppPassword"] = "",
            ["Bot:AllowedServiceUrlHosts:0"] = "127.0.0.1",
        }, environment: "Development");
        var before = fixture.Provider.TokenRequests.Count;

        using var response = await bot.PostAsync(bot.Message("hi"), authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Assert.Single(bot.Replies).Authorization);
        Assert.Equal(before, fixture.Provider.TokenRequests.Count);
        Assert.Null(Assert.Single(bot.Turns).Channel);
    }

    private string Bearer(AuthenticatedBotHost bot) => "Bearer " + FakeOpenIdProvider.ChannelToken(fixture.TeamsKey, AppId, bot.ServiceUrl);
}
