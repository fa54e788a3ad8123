using System.Net;
using System.Security.Claims;
using ClosureBot.Identity;
using ClosureBot.Tests.Channels.DirectLine;

namespace ClosureBot.Tests.Identity;

// What the web chat sign-in keeps of the provider's answer, where it may send the browser back to, and that it exists
// only when a provider is configured. The sign-in itself runs against a real provider in Browser/WebChatSignInTests.
public sealed class CustomerSignInTests
{
    [Fact]
    public void Customer_ProviderClaims_KeepsAnOpaqueIdTheNameAndEveryAccount()
    {
        var provider = Principal("https://id.example.test", "jane@example.test", ("name", "Jane Doe"), ("accounts", "ACME"), ("accounts", "EMPTY INIT"));

        var customer = VerifiedCustomer.From(CustomerSignIn.Customer(provider, "accounts").Identity as ClaimsIdentity)!;

        Assert.Equal(CustomerClaims.Sources.OpenIdConnect, customer.Source);
        Assert.Equal("Jane Doe", customer.Name);
        Assert.Equal(["ACME", "EMPTY", "INIT"], customer.Accounts);
        Assert.Matches("^dl_[A-Za-z0-9_-]{24}$", customer.UserId);
        Assert.DoesNotContain("jane", customer.UserId);
    }

    [Fact]
    public void Customer_SameSubjectOfAnotherIssuer_IsAnotherPerson()
    {
        string Id(string issuer) => VerifiedCustomer.From(CustomerSignIn.Customer(Principal(issuer, "42"), "accounts").Identity as ClaimsIdentity)!.UserId;

        Assert.Equal(Id("https://a.example.test"), Id("https://a.example.test"));
        Assert.NotEqual(Id("https://a.example.test"), Id("https://b.example.test"));
    }

    [Fact]
    public void Customer_ClaimNamedInConfiguration_IsTheAccountList()
    {
        var provider = Principal("https://id.example.test", "7", ("accounts", "ACME"), ("closurebot_accounts", "INIT,EMPTY"));

        var customer = VerifiedCustomer.From(CustomerSignIn.Customer(provider, "closurebot_accounts").Identity as ClaimsIdentity)!;

        Assert.Equal(["INIT", "EMPTY"], customer.Accounts);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/?transport=polling", "/?transport=polling")]
    [InlineData("//evil.example.test/", "/")]
    [InlineData("/\\evil.example.test/", "/")]
    [InlineData("https://evil.example.test/", "/")]
    // Browsers drop tabs and line breaks from a URL, so these would become //evil.example.test/.
    [InlineData("/\t/evil.example.test/", "/")]
    [InlineData("/\n/evil.example.test/", "/")]
    [InlineData("/\r\n/evil.example.test/", "/")]
    [InlineData("/?next=\u0000", "/")]
    [InlineData(null, "/")]
    public void LocalOrRoot_ReturnUrl_NeverLeavesTheSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, CustomerSignIn.LocalOrRoot(returnUrl));

    [Fact]
    public async Task SignIn_WithoutProvider_IsNotOffered()
    {
        await using var host = new DirectLineTestHost();

        using var signIn = await host.Client.GetAsync("/signin");
        using var token = await host.Client.PostAsync("/api/webchat/token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.DoesNotContain("signIn", await token.Content.ReadAsStringAsync());
    }

    private static ClaimsPrincipal Principal(string issuer, string subject, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(
            [new Claim("sub", subject, ClaimValueTypes.String, issuer), .. claims.Select(c => new Claim(c.Type, c.Value, ClaimValueTypes.String, issuer))],
            "AuthenticationTypes.Federation"));
}
