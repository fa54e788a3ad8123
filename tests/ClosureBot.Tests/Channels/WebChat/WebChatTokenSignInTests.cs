using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Identity;
using ClosureBot.Tests.Channels.DirectLine;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Channels.WebChat;

// POST /api/webchat/token for a browser that signed in through OpenID Connect. The sign-in cookie is made here with
// the app's own protection, as the sign-in would leave it (the real sign-in runs in Browser/WebChatSignInTests).
public sealed class WebChatTokenSignInTests
{
    [Fact]
    public async Task Token_SignedInBrowser_IssuesAVerifiedTokenForTheClaimedAccounts()
    {
        await using var host = SignInHost();

        var (issued, _) = await PostTokenAsync(host, conversationId: null, SignInCookie(host, "Alice Admin", "ACME"));
        var grant = host.Services.GetRequiredService<DirectLineTokenService>().Validate((string)issued["token"]!).Grant!;

        Assert.Equal("signedIn", (string?)issued["signIn"]);
        Assert.Equal("Alice Admin", (string?)issued["userName"]);
        Assert.Equal(CustomerClaims.Sources.OpenIdConnect, grant.VerifiedBy);
        Assert.Equal(["ACME"], grant.Accounts);
    }

    [Fact]
    public async Task Token_GuestSignsInOnTheSameBrowser_KeepsTheConversationAndTheBotCarriesOnVerified()
    {
        await using var host = SignInHost();
        var guest = await PostTokenAsync(host, conversationId: null, cookie: null);
        var guestCookie = guest.Cookie!;
        var conversationId = (string)guest.Body["conversationId"]!;
        var client = new DirectLineTestClient(host.Client);
        var token = (string)(await client.JsonAsync(HttpMethod.Post, "/conversations", (string)guest.Body["token"]!, expectedStatus: 201))["token"]!;
        foreach (var text in new[] { "I want to close my account", "yes", "ACME" }) await client.PostMessageAsync(conversationId, token, text, text);
        Assert.Equal("available", (string?)guest.Body["signIn"]);

        var signedIn = await PostTokenAsync(host, conversationId, $"{guestCookie}; {SignInCookie(host, "Alice Admin", "ACME")}");
        var texts = (await client.GetActivitiesAsync(conversationId, (string)signedIn.Body["token"]!)).Activities.Select(DirectLineTestClient.TextOf).OfType<string>().ToList();

        Assert.True((bool)signedIn.Body["resumed"]!);
        Assert.Equal(conversationId, (string?)signedIn.Body["conversationId"]);
        Assert.Equal("Thanks, you’re signed in as Alice Admin.", texts[^2]);
        Assert.Equal("Do you have a cloud term commitment?", texts[^1]);
        using var guestRead = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        Assert.Equal(HttpStatusCode.Forbidden, guestRead.StatusCode);
        using var guestRefresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.Forbidden, guestRefresh.StatusCode);
    }

    [Fact]
    public async Task Token_SignedInOnAnotherBrowser_CannotTakeAGuestsConversation()
    {
        await using var host = SignInHost();
        var guest = await PostTokenAsync(host, conversationId: null, cookie: null);
        var conversationId = (string)guest.Body["conversationId"]!;

        var other = await PostTokenAsync(host, conversationId, SignInCookie(host, "Mallory", "ACME"));

        Assert.False((bool)other.Body["resumed"]!);
        Assert.NotEqual(conversationId, (string?)other.Body["conversationId"]);
        var again = await PostTokenAsync(host, conversationId, guest.Cookie);
        Assert.True((bool)again.Body["resumed"]!);
    }

    // A display name comes from the provider (often editable by the person or a tenant's admin): in the bot's reply it
    // is text, never Markdown that Web Chat would render as a link or a remote image in the bot's own voice.
    [Fact]
    public async Task Token_SignedInNameWithMarkdown_IsSaidAsPlainText()
    {
        await using var host = SignInHost();
        var guest = await PostTokenAsync(host, conversationId: null, cookie: null);
        var conversationId = (string)guest.Body["conversationId"]!;
        var client = new DirectLineTestClient(host.Client);
        var token = (string)(await client.JsonAsync(HttpMethod.Post, "/conversations", (string)guest.Body["token"]!, expectedStatus: 201))["token"]!;
        foreach (var text in new[] { "I want to close my account", "yes" }) await client.PostMessageAsync(conversationId, token, text, text);
        const string name = "Alice [sign in again](https://evil.example.test/) ![x](https://evil.example.test/x.png)";

        var signedIn = await PostTokenAsync(host, conversationId, $"{guest.Cookie}; {SignInCookie(host, name, "ACME")}");
        var activities = (await client.GetActivitiesAsync(conversationId, (string)signedIn.Body["token"]!)).Activities;

        var thanks = Assert.Single(activities, a => DirectLineTestClient.TextOf(a)?.StartsWith("Thanks, you’re signed in as", StringComparison.Ordinal) == true)!;
        Assert.Equal($"Thanks, you’re signed in as {name}.", DirectLineTestClient.TextOf(thanks));
        Assert.Equal("plain", (string?)thanks["textFormat"]);
    }

    [Fact]
    public async Task Token_SignedInWithNoAccountAndANameWithMarkdown_IsToldAsPlainText()
    {
        await using var host = SignInHost();
        const string name = "Bob [help](https://evil.example.test/)";
        var issued = await PostTokenAsync(host, conversationId: null, SignInCookie(host, name));
        var conversationId = (string)issued.Body["conversationId"]!;
        var client = new DirectLineTestClient(host.Client);
        var token = (string)(await client.JsonAsync(HttpMethod.Post, "/conversations", (string)issued.Body["token"]!, expectedStatus: 201))["token"]!;

        foreach (var text in new[] { "I want to close my account", "yes" }) await client.PostMessageAsync(conversationId, token, text, text);
        var activities = (await client.GetActivitiesAsync(conversationId, token)).Activities;

        var told = Assert.Single(activities, a => DirectLineTestClient.TextOf(a)?.StartsWith($"You’re signed in as {name}, but no account", StringComparison.Ordinal) == true)!;
        Assert.Equal("plain", (string?)told["textFormat"]);
    }

    // A signed-in customer's id is no secret (a hash of the provider's issuer and the person's subject): a guest's cookie
    // that names it proves nothing, so it gets neither the customer's saved place nor their conversation.
    [Fact]
    public async Task Token_GuestCookieNamingASignedInCustomersId_GetsAnIdOfItsOwnAndNotTheirConversation()
    {
        await using var host = SignInHost();
        var customer = await PostTokenAsync(host, conversationId: null, SignInCookie(host, "Alice Admin", "ACME"));
        var customerId = (string)customer.Body["userId"]!;
        var conversationId = (string)customer.Body["conversationId"]!;

        var forged = await PostTokenAsync(host, conversationId, $"closurebot_webchat_user={customerId}");
        var grant = host.Services.GetRequiredService<DirectLineTokenService>().Validate((string)forged.Body["token"]!).Grant!;

        Assert.False((bool)forged.Body["resumed"]!);
        Assert.NotEqual(conversationId, (string?)forged.Body["conversationId"]);
        Assert.NotEqual(customerId, (string?)forged.Body["userId"]);
        Assert.NotEqual(customerId, grant.UserId);
        Assert.DoesNotContain(customerId, forged.Cookie);
    }

    // Signing out changes the browser's state, so another site must not be able to do it with a form: a request that
    // names a foreign origin (or that the browser says came from another site) is refused and the sign-in stays.
    [Theory]
    [InlineData("https://evil.example.test", null, false)]
    [InlineData(null, "cross-site", false)]
    [InlineData(null, "same-site", false)]
    [InlineData("self", "same-origin", true)]
    [InlineData(null, "same-origin", true)]
    public async Task SignOut_FromAnotherSite_IsRefusedAndTheSignInStays(string? origin, string? fetchSite, bool signsOut)
    {
        await using var host = SignInHost();
        var signIn = SignInCookie(host, "Alice Admin", "ACME");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Cookie", signIn);
        if (origin is not null) request.Headers.Add("Origin", origin == "self" ? host.BaseAddress.GetLeftPart(UriPartial.Authority) : origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var response = await browser.SendAsync(request);

        var cookieName = signIn.Split('=')[0];
        Assert.Equal(signsOut ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(signsOut, response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(cookieName + "=", StringComparison.Ordinal)));
    }

    // The provider is never called in these tests: the authority only has to be configured.
    private static DirectLineTestHost SignInHost() => new(settings: new Dictionary<string, string?>
    {
        ["Identity:Authority"] = "http://127.0.0.1:9/",
        ["Identity:ClientId"] = "closurebot-webchat",
        ["Identity:RequireVerified"] = "true",
    });

    private static string SignInCookie(DirectLineTestHost host, string name, params string[] accounts)
    {
        var options = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CustomerSignIn.CookieScheme);
        var identity = CustomerClaims.Create(CustomerClaims.Sources.OpenIdConnect, "dl_" + Guid.NewGuid().ToString("N"), name, accounts);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), CustomerSignIn.CookieScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    private static async Task<(JsonObject Body, string? Cookie)> PostTokenAsync(DirectLineTestHost host, string? conversationId, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = JsonContent.Create(new { conversationId }) };
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.BaseAddress };
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.First().Split(';')[0] : cookie;
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!, set);
    }
}
