using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Channels.WebChat;
using ClosureBot.Tests.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Channels.WebChat;

// Issue 7, hole 7: a correctly signed assertion with an absurd exp threw (500 with the exception text in Development).
// Likewise a correctly signed claim that is not text (invalid UTF-8, a lone surrogate) or is named twice threw once read.
public sealed class PortalAssertionValidatorTests
{
    private const string Issuer = "https://portal.example.test";
    private const string IssuerKey = "portal-shared-key-0123456789abcdef0123";

    private static readonly PortalAssertionValidator Validator =
        new(Options.Create(new WebChatOptions { TrustedIssuer = Issuer, TrustedIssuerKey = IssuerKey }), TimeProvider.System);

    public static TheoryData<JsonNode?> AbsurdExpiries => new()
    {
        JsonValue.Create(1_000_000_000_000_000L),
        JsonValue.Create(long.MaxValue),
        JsonValue.Create(-1_000_000_000_000_000L),
        JsonValue.Create(1e15),
        JsonValue.Create("9999999999999999"),
        null,
    };

    [Theory]
    [MemberData(nameof(AbsurdExpiries))]
    public void Validate_SignedAssertionWithAbsurdExp_ReturnsNull(JsonNode? exp)
    {
        Assert.Null(Validator.Validate(Assertion(exp)));
    }

    [Fact]
    public void Validate_SignedAssertionExpiringSoon_ReturnsTheUser()
    {
        Assert.NotNull(Validator.Validate(Assertion(JsonValue.Create(DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()))));
    }

    // Claims as the portal's bytes: each is signed, but one of its strings (or names) cannot be read as text.
    public static TheoryData<string> UnreadableClaims => new()
    {
        "{\"iss\":\"" + Issuer + "\",\"sub\":\"\u00ff\",\"exp\":9999999999}",
        "{\"iss\":\"\u00ff\",\"sub\":\"jane@example.test\",\"exp\":9999999999}",
        "{\"iss\":\"" + Issuer + "\",\"sub\":\"jane@example.test\",\"name\":\"Jane \u00c3(\",\"exp\":9999999999}",
        "{\"iss\":\"" + Issuer + "\",\"sub\":\"jane@example.test\",\"account\":\"\u00f0(\u008c\u00bc\",\"exp\":9999999999}",
        "{\"\u00ff\":1,\"iss\":\"" + Issuer + "\",\"sub\":\"jane@example.test\",\"exp\":9999999999}",
        "{\"iss\":\"" + Issuer + "\",\"sub\":\"\\ud800\",\"exp\":9999999999}",
    };

    [Theory]
    [MemberData(nameof(UnreadableClaims))]
    public void Validate_SignedClaimThatIsNotText_ReturnsNull(string claims)
    {
        Assert.Null(Validator.Validate(SignBytes(Latin1(claims))));
    }

    // RFC 7519: claim names are unique; which of two subjects is meant cannot be known.
    [Fact]
    public void Validate_SignedClaimNamedTwice_ReturnsNull()
    {
        Assert.Null(Validator.Validate(SignBytes(Latin1(
            "{\"iss\":\"" + Issuer + "\",\"sub\":\"jane@example.test\",\"sub\":\"mallory@example.test\",\"exp\":9999999999}"))));
    }

    [Fact]
    public async Task Token_SignedAssertionWithInvalidUtf8Sub_Returns401SignInRequired()
    {
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?>
        {
            ["WebChat:TrustedIssuer"] = Issuer,
            ["WebChat:TrustedIssuerKey"] = IssuerKey,
        });
        var assertion = SignBytes(Latin1("{\"iss\":\"" + Issuer + "\",\"sub\":\"\u00ff\",\"exp\":9999999999}"));

        using var response = await host.Client.PostAsJsonAsync("/api/webchat/token", new { assertion });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SignInRequired", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
    }

    [Fact]
    public async Task Token_SignedAssertionWithExp1e15_Returns401WithoutExceptionText()
    {
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?>
        {
            ["WebChat:TrustedIssuer"] = Issuer,
            ["WebChat:TrustedIssuerKey"] = IssuerKey,
        });

        using var response = await host.Client.PostAsJsonAsync("/api/webchat/token", new { assertion = Assertion(JsonValue.Create(1_000_000_000_000_000L)) });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at ", body);
    }

    private static string Assertion(JsonNode? exp)
    {
        var claims = new JsonObject { ["iss"] = Issuer, ["sub"] = "jane@example.test", ["name"] = "Jane Doe", ["account"] = "ACME" };
        if (exp is not null) claims["exp"] = exp;
        return HmacJwt.Sign(claims, Encoding.UTF8.GetBytes(IssuerKey));
    }

    // Each char of the text is one byte (\u00ff is the byte 0xFF), so a test can write bytes that are not UTF-8.
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static string SignBytes(byte[] claims)
    {
        var signingInput = HmacJwt.Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8) + "." + HmacJwt.Base64Url(claims);
        return signingInput + "." + HmacJwt.Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(IssuerKey), Encoding.ASCII.GetBytes(signingInput)));
    }
}
