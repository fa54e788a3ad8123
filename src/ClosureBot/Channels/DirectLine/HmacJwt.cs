using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Channels.DirectLine;

/// <summary>Compact HS256 JSON Web Tokens: enough for tokens this app both signs and checks, and for a trusted issuer's assertions.</summary>
public static class HmacJwt
{
    private static readonly string Header = Base64Url(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));

    /// <summary>Signs <paramref name="claims"/> with <paramref name="key"/>.</summary>
    public static string Sign(JsonObject claims, byte[] key)
    {
        var signingInput = Header + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return signingInput + "." + Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>
    /// The claims of <paramref name="jwt"/> when it is a well-formed HS256 token signed with <paramref name="key"/>, each
    /// claim named once; otherwise null. Their strings are read when used, and reading one that is not UTF-8 throws.
    /// </summary>
    public static JsonObject? Verify(string jwt, byte[] key)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var header = JsonNode.Parse(FromBase64Url(parts[0])) as JsonObject;
            if ((string?)header?["alg"] != "HS256") return null;
            var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2]))) return null;
            // RFC 7519: a claim named twice is refused, not read as whichever copy the parser keeps.
            return JsonNode.Parse(FromBase64Url(parts[1]), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
