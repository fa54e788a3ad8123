using System.Security.Claims;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClosureBot.Protocol.Authentication;

/// <summary>
/// Validates the JWT the Bot Connector (or the Emulator) sends with every activity, as the Bot Framework SDK does:
/// a channel token must be signed by a key of <c>ToBotFromChannelOpenIdMetadataUrl</c> that endorses the activity's
/// <c>channelId</c>, be issued by <c>ToBotFromChannelTokenIssuer</c> for the app id, be within its lifetime (5 minutes
/// of skew) and name the activity's <c>serviceUrl</c>; an Emulator token must be signed by a key of
/// <c>ToBotFromEmulatorOpenIdMetadataUrl</c>, come from a Bot Framework (or its own tenant's) Entra ID issuer and carry
/// the app id in <c>appid</c> (v1) or <c>azp</c> (v2). Without an app id (local development) nothing is checked here.
/// </summary>
public sealed class ChannelTokenAuthenticator : IChannelAuthenticator
{
    /// <summary>The claim in a channel token that names the Connector the bot must reply to.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly string[] BotFrameworkTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    private readonly BotAuthenticationOptions _options;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly ILogger _logger;
    private readonly OpenIdKeySource _channelKeys;
    private readonly OpenIdKeySource _emulatorKeys;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ProvenTokens _proven = new();
    private static readonly IReadOnlySet<string> EndorsesNothing = new HashSet<string>();
    // The handler checks lifetimes against the system clock, so the proven tokens' lifetimes are checked against it too.
    private static readonly TimeProvider SystemClock = TimeProvider.System;

    /// <summary>Creates the authenticator; keys are fetched through the <see cref="BotAuthenticationOptions.HttpClientName"/> client.</summary>
    public ChannelTokenAuthenticator(IOptions<BotAuthenticationOptions> options, ServiceUrlPolicy serviceUrls, IHttpClientFactory httpClients,
        TimeProvider clock, ILogger<ChannelTokenAuthenticator> logger)
    {
        _options = options.Value;
        _serviceUrls = serviceUrls;
        _logger = logger;
        HttpClient Http() => httpClients.CreateClient(BotAuthenticationOptions.HttpClientName);
        _channelKeys = new OpenIdKeySource(_options.ToBotFromChannelOpenIdMetadataUrl, Http, clock,
            _options.OpenIdMetadataRefreshInterval, _options.OpenIdMetadataMinimumRefreshInterval);
        _emulatorKeys = new OpenIdKeySource(_options.ToBotFromEmulatorOpenIdMetadataUrl, Http, clock,
            _options.OpenIdMetadataRefreshInterval, _options.OpenIdMetadataMinimumRefreshInterval);
    }

    /// <summary>Whether the messaging endpoint takes requests that must carry a token (an app id is set), so there are keys to fetch.</summary>
    internal bool ChecksTokens => _options.MessagesEndpointEnabled && !_options.IsLocalDevelopmentMode;

    /// <summary>How many proven tokens are kept (for tests).</summary>
    internal int ProvenTokenCount => _proven.Count;

    /// <summary>
    /// Fetches the channel's signing keys now, and proves <see cref="WarmUpToken"/> once through the token handler, so that
    /// the first activity after a start neither waits for the issuer nor compiles the handler's code.
    /// </summary>
    internal async Task PrefetchAsync(CancellationToken cancellationToken)
    {
        await _channelKeys.GetAsync(null, cancellationToken).ConfigureAwait(false);
        var key = new RsaSecurityKey(new System.Security.Cryptography.RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(WarmUpKeyModulus), Exponent = Base64UrlEncoder.DecodeBytes("AQAB"),
        }) { KeyId = "warm-up" };
        var keys = new OpenIdKeySource.KeySet(new Dictionary<SecurityKey, IReadOnlySet<string>> { [key] = EndorsesNothing }, new HashSet<string> { "warm-up" },
            DateTimeOffset.UtcNow);
        var parameters = Parameters(keys, [WarmUpIssuer], validateAudience: true, ChannelIdentity.ConnectorAuthenticationType);
        parameters.ValidAudience = "warm-up";
        var validation = await _handler.ValidateTokenAsync(_handler.ReadJsonWebToken(WarmUpToken), parameters).ConfigureAwait(false);
        if (!validation.IsValid || validation.ClaimsIdentity.FindFirst(ServiceUrlClaim) is null)
            throw new InvalidOperationException("The warm-up token did not validate.", validation.Exception);
    }

    // A token made once for the warm-up and signed by a key that was then thrown away: only its public half is here, and
    // its issuer and audience are nobody's, so it proves nothing to anyone. Valid from 2026-12-01 to 2100-01-01.
    private const string WarmUpIssuer = "https://warm-up.invalid";
    private const string WarmUpKeyModulus =
        "rRzdlD55IXsxeSOugxQkDsqoF2ko-7_XmDhLKvxS-aDGXIqT2iFWNcqTathkF-fvs1gwHOh1n8ZKiRy2SQ2Mwv8ellYjE2wffi9Hn4rJDoHjY8d_4We9g46ZKRc3sC7QuZwkQ1EiaCkOHwLR_LVb4RAcFeJ0tY5L2OsvZ78cukxCC4mu6p2qhl4B1ip4HwJ9e7n9v3LrNUkzYXqnE0Ay1zlB2H5gNXecPmjlwvZY___8Jzvmrurc2fyxmLm7TKD6gtVTef-oaT_iF9oCvXxy162j3U80GmnsSl7carQRvNDbVHhNT5IGt0VJE62UlOs5tEm-h1UdEl4dcE-YvSyxMQ";
    private const string WarmUpToken =
        "eyJhbGciOiJSUzI1NiIsImtpZCI6Indhcm0tdXAiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL3dhcm0tdXAuaW52YWxpZCIsImF1ZCI6Indhcm0tdXAiLCJzZXJ2aWNldXJsIjoiaHR0cHM6Ly93YXJtLXVwLmludmFsaWQvIiwibmJmIjoxNzk2MDgzMjAwLCJleHAiOjQxMDI0NDQ4MDB9.l-1STwmWYvU7AkQt-XX21kvkkesKcuEio5tvmcWaKpr0dbnQlC11luAb51_p1i3IfN_GMtTFCPgoUBoS2DAavCSdw5VeKb2INyGuSGZQjcKGLiplyJAkvmXMmJZHNuAazVK-d9cFutbj6LvCJdq5Y9lSi5UV15bSi7_OnXQTxfeUkLabuYtQueu_OuxCRRWS5PmoqBU5igriARDEywfvrurTaQpNPySQqXpdjU5z23jXCzZ5ICI3QgxHZqK9hUxufNlZbWD_rdgOZOLGl4Fpj0Xco1mVtw8YaPuzckUgyrlq0foxlp14A_c_XmwUnpoPbZeNKnoWigWUmR0y_5xJJQ";

    /// <inheritdoc />
    public async ValueTask<ChannelAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (_options.IsLocalDevelopmentMode) return ChannelAuthenticationResult.Anonymous;
        var result = await ValidateAsync(authorizationHeader, activity, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            _logger.LogWarning("Refused an activity on channel {ChannelId}: {Reason}", activity.ChannelId, result.Failure);
        return result;
    }

    private async Task<ChannelAuthenticationResult> ValidateAsync(string? header, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(header)) return ChannelAuthenticationResult.Fail("no Authorization header");
        var parts = header.Split(' ');
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
            return ChannelAuthenticationResult.Fail("the Authorization header is not 'Bearer <token>'");
        try
        {
            return await ProveAsync(parts[1], activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // No keys (the metadata could not be fetched yet): nothing can be proven, so the request is refused like any other.
            _logger.LogError(ex, "The OpenID signing keys could not be fetched");
            return ChannelAuthenticationResult.Fail("signing keys unavailable");
        }
    }

    private async Task<ChannelAuthenticationResult> ProveAsync(string bearer, Activity activity, CancellationToken cancellationToken)
    {
        if (_proven.TryGet(bearer, SystemClock.GetUtcNow(), out var proven))
        {
            // The same keys as when it was proven, or it is checked in full again below.
            var current = await proven.Source.GetAsync(proven.KeyId, cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(current.Keys, proven.Keys)) return CheckRequest(proven, activity);
            _proven.Forget(bearer);
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(bearer);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return ChannelAuthenticationResult.Fail("the bearer token is not a JWT");
        }
        // Checked before any key is fetched, so garbage cannot make the bot call the issuer.
        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal)) return ChannelAuthenticationResult.Fail($"algorithm '{token.Alg}' is not accepted");
        var emulator = IsEmulatorIssuer(token.Issuer, TenantOf(token));
        if (!emulator && !string.Equals(token.Issuer, _options.ToBotFromChannelTokenIssuer, StringComparison.Ordinal))
            return ChannelAuthenticationResult.Fail("the token's issuer is neither the channel's nor the Emulator's");
        var (result, failure) = emulator
            ? await ValidateEmulatorAsync(token, cancellationToken).ConfigureAwait(false)
            : await ValidateChannelAsync(token, cancellationToken).ConfigureAwait(false);
        if (result is null) return ChannelAuthenticationResult.Fail(failure!);
        var checkedRequest = CheckRequest(result, activity);
        if (!checkedRequest.Succeeded) return checkedRequest;
        // Kept only when the request's own checks passed too: a token is never remembered from a refused request. The
        // Connector it names is trusted from now on, so a request with the token proven before has nothing to add.
        _proven.Add(bearer, result, SystemClock.GetUtcNow());
        if (result.ServiceUrl is { Length: > 0 } serviceUrl) _serviceUrls.Trust(serviceUrl);
        return checkedRequest;
    }

    // What each request must match, whether its token was proven just now or before: the serviceurl claim names the
    // activity's serviceUrl, and the signing key endorses its channel. An Emulator token has neither to match.
    private static ChannelAuthenticationResult CheckRequest(ProvenTokens.Proven proven, Activity activity)
    {
        if (proven.Endorsements is null) return proven.Result;
        if (string.IsNullOrEmpty(proven.ServiceUrl) || !string.Equals(proven.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return ChannelAuthenticationResult.Fail("serviceurl claim mismatch");
        if (!string.IsNullOrEmpty(activity.ChannelId) && !proven.Endorsements.Contains(activity.ChannelId))
            return ChannelAuthenticationResult.Fail($"the signing key does not endorse channel '{activity.ChannelId}'");
        return proven.Result;
    }

    private async Task<(ProvenTokens.Proven? Proven, string? Failure)> ValidateChannelAsync(JsonWebToken token, CancellationToken cancellationToken)
    {
        var keys = await _channelKeys.GetAsync(KeyIdOf(token), cancellationToken).ConfigureAwait(false);
        var validation = await _handler.ValidateTokenAsync(token, Parameters(keys, [_options.ToBotFromChannelTokenIssuer], validateAudience: true,
            ChannelIdentity.ConnectorAuthenticationType))
            .ConfigureAwait(false);
        if (!validation.IsValid) return (null, $"channel token invalid ({validation.Exception?.GetType().Name})");

        var signedBy = (validation.SecurityToken as JsonWebToken)?.SigningKey;
        var endorsements = signedBy is not null && keys.Keys.TryGetValue(signedBy, out var found) ? found
            : keys.Keys.FirstOrDefault(k => k.Key.KeyId is { } id && id == KeyIdOf(token)).Value;
        var serviceUrl = validation.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        // A key that endorses nothing is kept as such: every channel is then refused, as before.
        return (Proof(token, validation, _channelKeys, keys, endorsements ?? EndorsesNothing, serviceUrl ?? ""), null);
    }

    private async Task<(ProvenTokens.Proven? Proven, string? Failure)> ValidateEmulatorAsync(JsonWebToken token, CancellationToken cancellationToken)
    {
        var keys = await _emulatorKeys.GetAsync(KeyIdOf(token), cancellationToken).ConfigureAwait(false);
        // As the SDK: the app id is proven by appid/azp, not by the audience (which the Emulator sets in several forms).
        var validation = await _handler.ValidateTokenAsync(token, Parameters(keys, EmulatorIssuers(TenantOf(token)), validateAudience: false,
            ChannelIdentity.EmulatorAuthenticationType))
            .ConfigureAwait(false);
        if (!validation.IsValid) return (null, $"emulator token invalid ({validation.Exception?.GetType().Name})");
        var version = validation.ClaimsIdentity.FindFirst("ver")?.Value;
        var appId = version switch
        {
            null or "1.0" => validation.ClaimsIdentity.FindFirst("appid")?.Value,
            "2.0" => validation.ClaimsIdentity.FindFirst("azp")?.Value,
            _ => null,
        };
        return string.Equals(appId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase)
            // Its serviceurl claim, if any, is trusted as before, but not checked against the activity (no channel signed it).
            ? (Proof(token, validation, _emulatorKeys, keys, null, validation.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value), null)
            : (null, "emulator token for another app id or of an unknown version");
    }

    private static ProvenTokens.Proven Proof(JsonWebToken token, TokenValidationResult validation, OpenIdKeySource source, OpenIdKeySource.KeySet keys,
        IReadOnlySet<string>? endorsements, string? serviceUrl) =>
        new(ChannelAuthenticationResult.Success(validation.ClaimsIdentity), source, KeyIdOf(token), keys.Keys, endorsements, serviceUrl,
            // The same window the handler allowed: nbf and exp with the clock skew (a token without nbf is valid from any time).
            token.ValidFrom == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(token.ValidFrom, TimeSpan.Zero) - ClockSkew,
            new DateTimeOffset(token.ValidTo, TimeSpan.Zero) + ClockSkew);

    // The authentication type names the proof on the identity, so a turn can tell the Connector's token (which endorses
    // the activity's channel) from the Emulator's (which proves the app id alone).
    private TokenValidationParameters Parameters(OpenIdKeySource.KeySet keys, IEnumerable<string> issuers, bool validateAudience,
        string authenticationType) => new()
    {
        AuthenticationType = authenticationType,
        ValidIssuers = issuers,
        ValidateAudience = validateAudience,
        ValidAudience = _options.MicrosoftAppId,
        IssuerSigningKeys = keys.Keys.Keys,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
    };

    private bool IsEmulatorIssuer(string? issuer, string? tenant) =>
        issuer is not null && issuer != _options.ToBotFromChannelTokenIssuer && EmulatorIssuers(tenant).Contains(issuer, StringComparer.Ordinal);

    // The Bot Framework tenants (v1 and v2 tokens), the configured tenant, and (as the SDK) the token's own tenant,
    // whose tokens still have to name this bot's app id.
    private IEnumerable<string> EmulatorIssuers(string? tokenTenant)
    {
        var tenants = BotFrameworkTenants.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId)) tenants = tenants.Append(_options.MicrosoftAppTenantId);
        if (!string.IsNullOrWhiteSpace(tokenTenant)) tenants = tenants.Append(tokenTenant);
        foreach (var tenant in tenants.Distinct())
        {
            yield return $"https://sts.windows.net/{tenant}/";
            yield return $"https://login.microsoftonline.com/{tenant}/v2.0";
        }
    }

    private static string? TenantOf(JsonWebToken token) => token.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;

    private static string? KeyIdOf(JsonWebToken token) => string.IsNullOrEmpty(token.Kid) ? null : token.Kid;
}
