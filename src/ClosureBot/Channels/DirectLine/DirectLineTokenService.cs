using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Issues and checks the app-signed Direct Line tokens (HS256 JWTs). A token names one conversation and one user
/// (claim <c>user</c>, which DirectLineJS reads) and expires; a stream token only opens that conversation's WebSocket.
/// </summary>
public sealed class DirectLineTokenService
{
    private const string Issuer = "closurebot/directline";
    private const string ConversationScope = "conversation";
    private const string StreamScope = "stream";
    private readonly byte[] _key;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, IDirectLineStore store, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _key = string.IsNullOrEmpty(_options.TokenSigningKey) ? store.GetOrCreateSigningKey() : Encoding.UTF8.GetBytes(_options.TokenSigningKey);
    }

    public TimeSpan Lifetime => _options.TokenLifetime;

    /// <summary>A fresh conversation token for <paramref name="grant"/> (its expiry is set from now).</summary>
    public string Issue(DirectLineToken grant)
    {
        var claims = Claims(grant.ConversationId, ConversationScope, _options.TokenLifetime);
        claims["user"] = grant.UserId;
        if (grant.UserName is not null) claims["name"] = grant.UserName;
        if (grant.Accounts.Count > 0) claims["acct"] = new JsonArray(grant.Accounts.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        if (grant.VerifiedBy is not null) claims["vrf"] = grant.VerifiedBy;
        return HmacJwt.Sign(claims, _key);
    }

    /// <summary>A short-lived token that only authorizes connecting to the conversation's stream.</summary>
    public string IssueStream(string conversationId) => HmacJwt.Sign(Claims(conversationId, StreamScope, _options.StreamUrlLifetime), _key);

    /// <summary>Checks a bearer token for the REST API.</summary>
    public TokenCheck Validate(string token) => Check(token, ConversationScope);

    /// <summary>Checks the token of a <c>streamUrl</c>.</summary>
    public TokenCheck ValidateStream(string token) => Check(token, StreamScope);

    private JsonObject Claims(string conversationId, string scope, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        return new JsonObject
        {
            ["iss"] = Issuer,
            ["conv"] = conversationId,
            ["scp"] = scope,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(lifetime).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
    }

    private TokenCheck Check(string token, string scope)
    {
        var claims = HmacJwt.Verify(token, _key);
        if (claims is null || (string?)claims["iss"] != Issuer || (string?)claims["scp"] != scope
            || claims["conv"]?.GetValue<string>() is not { Length: > 0 } conversationId || claims["exp"] is not JsonValue expValue)
            return TokenCheck.Invalid;
        var expires = DateTimeOffset.FromUnixTimeSeconds(expValue.GetValue<long>());
        var accounts = claims["acct"] is JsonArray list
            ? list.Select(a => a is JsonValue value && value.TryGetValue<string>(out var alias) ? alias : null).OfType<string>().ToArray()
            : [];
        var verifiedBy = claims["vrf"] is JsonValue v && v.TryGetValue<string>(out var source) ? source : null;
        var grant = new DirectLineToken(conversationId, (string?)claims["user"] ?? "", (string?)claims["name"], accounts, verifiedBy, expires);
        return expires <= _time.GetUtcNow() ? new TokenCheck(TokenCheck.State.Expired, grant) : new TokenCheck(TokenCheck.State.Valid, grant);
    }
}
