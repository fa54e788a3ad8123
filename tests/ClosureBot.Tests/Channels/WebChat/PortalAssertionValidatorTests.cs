using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Channels.WebChat;
using ClosureBot.Tests.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Channels.WebChat;

// Issue 7, hole 7: a correctly signed assertion with an absurd exp threw (500 with the exception text in Development).
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
}
