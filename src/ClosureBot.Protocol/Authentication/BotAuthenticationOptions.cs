namespace ClosureBot.Protocol.Authentication;

/// <summary>The bot's identity, its messaging endpoint and the Bot Framework's token endpoints (configuration section <c>Bot</c>).</summary>
/// <remarks>
/// Without an app id, <c>/api/messages</c> accepts unauthenticated requests, and only in the Development environment
/// and only from loopback; outside Development the app refuses to start without an app id unless the endpoint is
/// switched off (<see cref="MessagesEndpointEnabled"/> false: web chat alone). With an app id every request must carry
/// a valid channel (or Emulator) token. The endpoint settings use the Bot Framework SDK's names and public-cloud defaults.
/// </remarks>
public sealed class BotAuthenticationOptions
{
    /// <summary>Name of the HttpClient that fetches OpenID metadata and tokens (a test can give it its own trust).</summary>
    public const string HttpClientName = "ClosureBot.BotAuthentication";

    /// <summary>The Microsoft App ID. Empty means local-development mode (Development environment, loopback callers only).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret, for the client-credentials flow toward the Connector.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>A PKCS#12 certificate file used instead of <see cref="MicrosoftAppPassword"/>.</summary>
    public string? MicrosoftAppCertificatePath { get; set; }

    /// <summary>The password of <see cref="MicrosoftAppCertificatePath"/>, if it has one.</summary>
    public string? MicrosoftAppCertificatePassword { get; set; }

    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>The app's Entra ID tenant; required for <c>SingleTenant</c> and <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata whose keys sign the channel's (Bot Connector's) tokens.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of the channel's tokens.</summary>
    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata whose keys sign Emulator (Entra ID) tokens.</summary>
    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>The authority the bot gets its Connector token from (multi-tenant); a single-tenant app uses its tenant on the same host.</summary>
    public string ToChannelFromBotLoginUrl { get; set; } = "https://login.microsoftonline.com/botframework.com";

    /// <summary>The resource the bot's Connector token is for (the scope is this plus <c>/.default</c>).</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>How long fetched signing keys are used before they are fetched again (the docs ask for at least daily).</summary>
    public TimeSpan OpenIdMetadataRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The shortest time between two fetches caused by a token whose key id is unknown (a rotation).</summary>
    public TimeSpan OpenIdMetadataMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether <c>POST /api/messages</c> answers at all; false leaves only the app's own channels (web chat).</summary>
    public bool MessagesEndpointEnabled { get; set; } = true;

    /// <summary>True when no app id is configured, so requests carry no channel token.</summary>
    public bool IsLocalDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
