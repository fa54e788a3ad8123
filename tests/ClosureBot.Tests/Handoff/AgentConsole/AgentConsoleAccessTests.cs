using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using ClosureBot.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Handoff.AgentConsole;

// Nobody but a signed-in agent gets anything from /agent or its hub: not an anonymous caller, not a web chat customer
// (anonymous cookie or signed in through OpenID Connect), not a customer's session smuggled under the agent's cookie name.
public sealed class AgentConsoleAccessTests
{
    private static readonly Dictionary<string, string?> WithCustomerSignIn = new()
    {
        ["Identity:Authority"] = "http://127.0.0.1:9/", ["Identity:ClientId"] = "closurebot", ["Identity:ClientSecret"] = "secret",
    };

    public static TheoryData<string, string> ApiCalls => new()
    {
        { "GET", "/agent/api/session" },
        { "GET", "/agent/api/tickets" },
        { "GET", "/agent/api/tickets/{id}" },
        { "POST", "/agent/api/tickets/{id}/accept" },
        { "POST", "/agent/api/tickets/{id}/messages" },
        { "POST", "/agent/api/tickets/{id}/hand-back" },
        { "POST", "/agent/hub/negotiate?negotiateVersion=1" },
        { "GET", "/agent/hub?id=abc" },
        { "POST", "/agent/signout" },
    };

    [Theory]
    [MemberData(nameof(ApiCalls))]
    public async Task Anonymous_ConsoleApiOrHub_Refused401WithNoData(string method, string path)
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();

        using var response = await Send(app.Client().Http, method, path.Replace("{id}", ticket.Id), cookie: null);

        await AssertRefused(response, ticket.AccountAlias!);
        Assert.Empty(app.Desk.Sent);
    }

    [Fact]
    public async Task Anonymous_ConsolePage_RedirectedToSignIn()
    {
        await using var app = new ConsoleTestApp();

        using var response = await app.Client().Http.GetAsync("/agent");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/agent/signin", response.Headers.Location?.ToString());
    }

    [Theory]
    [MemberData(nameof(ApiCalls))]
    public async Task WebChatCustomerCookie_ConsoleApiOrHub_Refused401WithNoData(string method, string path)
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var client = app.Client();
        using var token = await client.Http.PostAsJsonAsync("/api/webchat/token", new { });
        token.EnsureSuccessStatusCode();
        var webChatCookie = Assert.Single(token.Headers.GetValues("Set-Cookie")).Split(';')[0];

        using var response = await Send(client.Http, method, path.Replace("{id}", ticket.Id), webChatCookie);

        await AssertRefused(response, ticket.AccountAlias!);
    }

    [Theory]
    [MemberData(nameof(ApiCalls))]
    public async Task SignedInCustomerCookie_ConsoleApiOrHub_Refused401WithNoData(string method, string path)
    {
        await using var app = new ConsoleTestApp(settings: WithCustomerSignIn);
        var ticket = await app.Desk.EnqueueAsync();
        var customerCookie = $"closurebot_signin={CustomerTicket(app)}";
        using var client = app.Client();
        // The cookie is a real customer session: the web chat's token endpoint takes it as a signed-in person.
        using var proof = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = JsonContent.Create(new { }) };
        proof.Headers.Add("Cookie", customerCookie);
        using var proven = await client.Http.SendAsync(proof);
        Assert.Equal("signedIn", (string?)(await proven.Content.ReadFromJsonAsync<JsonObject>())!["signIn"]);

        using var response = await Send(client.Http, method, path.Replace("{id}", ticket.Id), customerCookie);

        await AssertRefused(response, ticket.AccountAlias!);
    }

    [Fact]
    public async Task CustomerSessionUnderAgentCookieName_Refused()
    {
        await using var app = new ConsoleTestApp(settings: WithCustomerSignIn);
        await app.Desk.EnqueueAsync();

        using var response = await Send(app.Client().Http, "GET", "/agent/api/tickets", $"closurebot_agent={CustomerTicket(app)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string CustomerTicket(ConsoleTestApp app)
    {
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CustomerSignIn.CookieScheme);
        var customer = CustomerClaims.Create(CustomerClaims.Sources.OpenIdConnect, "dl_customer0123456789abcdef", "Jane Doe", ["ACME"]);
        return cookie.TicketDataFormat.Protect(new AuthenticationTicket(new ClaimsPrincipal(customer), CustomerSignIn.CookieScheme));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, string method, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = JsonContent.Create(new { text = "hello", resumeAt = "delete-services", facts = Array.Empty<string>() });
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private static async Task AssertRefused(HttpResponseMessage response, string alias)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(alias, await response.Content.ReadAsStringAsync());
    }
}
