using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using ClosureBot.Identity;
using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.RateLimits;

// Token issuing with the default limits: 30 a minute per client address, 10 a minute per known user.
public sealed class TokenRateLimitTests
{
    [Fact]
    public async Task WebChatToken_31stFromOneClientInAMinute_Refused429UntilTheClockMoves()
    {
        await using var app = new BotApplicationFactory(defaultRateLimits: true);
        var client = app.CreateClient();
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostTokenAsync(client)).StatusCode);

        using var refused = await PostTokenAsync(client);
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 2);

        app.Clock!.Advance(TimeSpan.FromSeconds(2));
        using var again = await PostTokenAsync(client);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task WebChatToken_LimitsSwitchedOff_NoneRefused()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" }, defaultRateLimits: true);
        var client = app.CreateClient();
        for (var i = 0; i < 40; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostTokenAsync(client)).StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterTheClientsTokenAllowanceIsSpent_Refused429()
    {
        await using var app = new BotApplicationFactory(settings: SignInSettings, defaultRateLimits: true);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostTokenAsync(client)).StatusCode);

        using var refused = await client.GetAsync("/signin?returnUrl=/");
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 2);
    }

    [Fact]
    public async Task WebChatToken_SignedInUserOverTheirAllowance_RefusedWhileAnotherUserIsServed()
    {
        await using var app = new BotApplicationFactory(settings: SignInSettings, defaultRateLimits: true);
        var client = app.CreateClient();
        var alice = SignInCookie(app.Services, "Alice");
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostTokenAsync(client, alice)).StatusCode);

        using var refused = await PostTokenAsync(client, alice);
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 6);
        using var bob = await PostTokenAsync(client, SignInCookie(app.Services, "Bob"));
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
    }

    [Fact]
    public async Task DirectLineRefresh_11thOfOneUserInAMinute_Refused429()
    {
        await using var app = new BotApplicationFactory(defaultRateLimits: true);
        var client = app.CreateClient();
        using var issued = await PostTokenAsync(client);
        var token = (string)(await issued.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, token)).StatusCode);

        using var refused = await RefreshAsync(client, token);
        await RateLimitAssert.RefusedAsync(refused, expectedRetryAfterSeconds: 6);
    }

    private static readonly Dictionary<string, string?> SignInSettings = new()
    {
        // The provider is never called: the authority only has to be configured.
        ["Identity:Authority"] = "http://127.0.0.1:9/",
        ["Identity:ClientId"] = "closurebot-webchat",
    };

    private static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = JsonContent.Create(new { }) };
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private static string SignInCookie(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CustomerSignIn.CookieScheme);
        var identity = CustomerClaims.Create(CustomerClaims.Sources.OpenIdConnect, "dl_" + Guid.NewGuid().ToString("N"), name, ["ACME"]);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), CustomerSignIn.CookieScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }
}
