using System.Security.Cryptography.X509Certificates;
using ClosureBot.Protocol.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace ClosureBot.Protocol.Authentication;

/// <summary>
/// Gets the Connector token with MSAL: the client-credentials flow with the app password or certificate against
/// <c>ToChannelFromBotLoginUrl</c> (the app's own tenant when single-tenant), or a user-assigned managed identity.
/// MSAL's in-memory token cache hands out the same token until shortly before it expires.
/// </summary>
public sealed class MsalConnectorCredentials : IConnectorCredentials
{
    private readonly BotAuthenticationOptions _options;
    // MSAL's types are named only inside MsalApps, built on the first token: a bot that answers in the response body
    // (web chat, Direct Line) never asks for one and never loads MSAL (about 0.8 MiB resident).
    private readonly Lazy<MsalApps> _apps;

    /// <summary>Creates the credentials; MSAL calls go through the <see cref="BotAuthenticationOptions.HttpClientName"/> client.</summary>
    public MsalConnectorCredentials(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClients)
    {
        _options = options.Value;
        _apps = new(() => new MsalApps(_options, httpClients));
    }

    /// <inheritdoc />
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        _options.IsLocalDevelopmentMode ? ValueTask.FromResult<string?>(null) : _apps.Value.GetTokenAsync(_options, cancellationToken);

    private sealed class MsalApps
    {
        private readonly Lazy<IConfidentialClientApplication> _confidential;
        private readonly Lazy<IManagedIdentityApplication> _managed;

        public MsalApps(BotAuthenticationOptions options, IHttpClientFactory httpClients)
        {
            var http = new HttpClientFactoryAdapter(httpClients);
            _confidential = new(() => BuildConfidential(options, http));
            _managed = new(() => ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(options.MicrosoftAppId!))
                .WithHttpClientFactory(http).Build());
        }

        public async ValueTask<string?> GetTokenAsync(BotAuthenticationOptions options, CancellationToken cancellationToken)
        {
            if (options.MicrosoftAppType == BotAppType.UserAssignedMSI)
                return (await _managed.Value.AcquireTokenForManagedIdentity(options.ToChannelFromBotOAuthScope)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false)).AccessToken;
            var scope = options.ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";
            return (await _confidential.Value.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken).ConfigureAwait(false)).AccessToken;
        }
    }

    private static IConfidentialClientApplication BuildConfidential(BotAuthenticationOptions options, IMsalHttpClientFactory http)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithAuthority(Authority(options), validateAuthority: false)
            // The login URL is configured, not discovered: a sovereign cloud (or a test's stand-in) is not looked up in Azure's list.
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(http);
        if (!string.IsNullOrEmpty(options.MicrosoftAppCertificatePath))
            builder = builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(options.MicrosoftAppCertificatePath, options.MicrosoftAppCertificatePassword));
        else if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
            builder = builder.WithClientSecret(options.MicrosoftAppPassword);
        else
            throw new InvalidOperationException("Bot:MicrosoftAppId is set but neither Bot:MicrosoftAppPassword nor Bot:MicrosoftAppCertificatePath is.");
        return builder.Build();
    }

    // Multi-tenant apps use the login URL as configured; a single-tenant app the same host with its own tenant.
    private static string Authority(BotAuthenticationOptions options)
    {
        var login = new Uri(options.ToChannelFromBotLoginUrl, UriKind.Absolute);
        return options.MicrosoftAppType == BotAppType.SingleTenant
            ? login.GetLeftPart(UriPartial.Authority) + "/" + Uri.EscapeDataString(options.MicrosoftAppTenantId!)
            : options.ToChannelFromBotLoginUrl;
    }

    private sealed class HttpClientFactoryAdapter(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(BotAuthenticationOptions.HttpClientName);
    }
}
