using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Identity;
using Microsoft.Extensions.Options;

namespace ClosureBot.Channels.WebChat;

/// <summary>
/// Checks the provider portal's assertion: an HS256 JWT from <c>WebChat:TrustedIssuer</c>, unexpired, naming the
/// user (<c>sub</c>, <c>name</c>) and the account they manage (<c>account</c>).
/// </summary>
public sealed class PortalAssertionValidator(IOptions<WebChatOptions> options, TimeProvider time)
{
    /// <summary>Longest assertion looked at; a portal's is a few hundred characters.</summary>
    public const int MaxAssertionLength = 8 * 1024;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private readonly WebChatOptions _options = options.Value;

    public PortalUser? Validate(string? assertion)
    {
        if (!_options.RequiresAssertion || string.IsNullOrEmpty(assertion) || assertion.Length > MaxAssertionLength) return null;
        if (HmacJwt.Verify(assertion, Encoding.UTF8.GetBytes(_options.TrustedIssuerKey!)) is not { } claims) return null;
        try
        {
            return UserOf(claims);
        }
        catch (InvalidOperationException)
        {
            // A signature vouches for bytes, not text: a claim may not be UTF-8, or escape a lone surrogate. Refused like a bad one.
            return null;
        }
    }

    private PortalUser? UserOf(JsonObject claims)
    {
        if (Text(claims["iss"]) != _options.TrustedIssuer || Text(claims["sub"]) is not { } subject) return null;
        // An exp past year 9999 (1e15) is no date at all: refused, not an exception.
        if (claims["exp"] is not JsonValue exp || !exp.TryGetValue<long>(out var seconds) || seconds is < 0 || seconds > MaxUnixSeconds
            || DateTimeOffset.FromUnixTimeSeconds(seconds) <= time.GetUtcNow()) return null;
        // A stable, opaque id: the portal's subject (often an e-mail) must not reach transcripts or logs.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(_options.TrustedIssuer + "\n" + subject));
        string[] accounts = Text(claims["account"]) is { } account ? [account] : [];
        return new PortalUser("dl_" + HmacJwt.Base64Url(hash.AsSpan(0, 18)), Text(claims["name"]), accounts, CustomerClaims.Sources.Portal);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
