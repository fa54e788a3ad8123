using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace ClosureBot.Protocol.Authentication;

/// <summary>
/// Bearer tokens whose signature, issuer, audience and lifetime <see cref="ChannelTokenAuthenticator"/> has proven, by
/// their exact text. The Bot Connector sends a bot one token for every conversation until it expires, so verifying its
/// RSA signature on every turn proves the same thing again. A request whose bearer is, character for character, a
/// proven token is accepted without that work only while:
/// <list type="bullet">
/// <item>the token is within its lifetime now (<c>nbf</c>/<c>exp</c> with the same skew as the full check);</item>
/// <item>the signing keys it was proven with are still the ones the key source holds (a refresh that withdraws a key,
/// or any refetch, makes every token proven before it be checked in full again);</item>
/// <item>and the request's own checks pass, made on every request as before: the <c>serviceurl</c> claim names the
/// activity's <c>serviceUrl</c>, and the signing key endorses its <c>channelId</c>.</item>
/// </list>
/// Only tokens that passed every check are kept, at most <see cref="Capacity"/> of them and none longer than
/// <see cref="MaxTokenLength"/>: when full, expired ones make room, and a new token is not kept when none has expired.
/// </summary>
internal sealed class ProvenTokens
{
    /// <summary>How many proven tokens are kept (the Connector's tokens, the Emulator's: a handful at a time).</summary>
    public const int Capacity = 256;

    /// <summary>Longer bearers are always checked in full (the Connector's tokens are about 1–2 KB).</summary>
    public const int MaxTokenLength = 8 * 1024;

    private readonly ConcurrentDictionary<string, Proven> _tokens = new(StringComparer.Ordinal);

    /// <summary>What a token proved, and what a request carrying it must still match.</summary>
    /// <param name="Result">The success every request carrying the token is answered with, the token's claims in it.</param>
    /// <param name="Source">Where the signing keys came from (the channel's or the Emulator's metadata).</param>
    /// <param name="KeyId">The token's <c>kid</c>, which the key source refreshes on when it does not know it.</param>
    /// <param name="Keys">The key set the signature was checked against (compared by reference).</param>
    /// <param name="Endorsements">The channels the signing key endorses; null for an Emulator token, which has no endorsements to check.</param>
    /// <param name="ServiceUrl">The token's <c>serviceurl</c> claim; an Emulator token's (it rarely has one) is not checked against the activity.</param>
    /// <param name="NotBefore">The token's <c>nbf</c> less the clock skew.</param>
    /// <param name="Expires">The token's <c>exp</c> plus the clock skew.</param>
    public sealed record Proven(ChannelAuthenticationResult Result, OpenIdKeySource Source, string? KeyId,
        IReadOnlyDictionary<SecurityKey, IReadOnlySet<string>> Keys, IReadOnlySet<string>? Endorsements, string? ServiceUrl,
        DateTimeOffset NotBefore, DateTimeOffset Expires)
    {
        public bool IsWithinLifetime(DateTimeOffset now) => now >= NotBefore && now <= Expires;
    }

    public int Count => _tokens.Count;

    /// <summary>The proof of <paramref name="token"/> while it is within its lifetime at <paramref name="now"/>; an expired one is dropped.</summary>
    public bool TryGet(string token, DateTimeOffset now, out Proven proven)
    {
        if (_tokens.TryGetValue(token, out proven!) && proven.IsWithinLifetime(now)) return true;
        if (proven is not null) Forget(token);
        proven = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="proven"/> for <paramref name="token"/>, room permitting.</summary>
    public void Add(string token, Proven proven, DateTimeOffset now)
    {
        if (token.Length > MaxTokenLength) return;
        if (_tokens.Count >= Capacity)
        {
            foreach (var (key, value) in _tokens)
                if (!value.IsWithinLifetime(now)) _tokens.TryRemove(key, out _);
            if (_tokens.Count >= Capacity) return;
        }
        _tokens[token] = proven;
    }

    public void Forget(string token) => _tokens.TryRemove(token, out _);
}
