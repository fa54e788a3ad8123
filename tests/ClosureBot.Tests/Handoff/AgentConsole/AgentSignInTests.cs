using System.Net;
using System.Net.Http.Json;
using ClosureBot.Handoff.AgentConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Handoff.AgentConsole;

// Staff sign-in to the agent console over HTTP: the form, its anti-forgery token, the lock-out, the address limit, sign-out.
public sealed class AgentSignInTests
{
    [Fact]
    public async Task SignIn_RightPassword_SetsStrictAgentCookieAndOpensConsole()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();

        using var response = await agent.PostSignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("closurebot_agent=", StringComparison.Ordinal));
        Assert.Contains("path=/agent", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        using var page = await agent.Http.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("ClosureBot support console", await page.Content.ReadAsStringAsync());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        var session = await agent.SessionAsync();
        Assert.Equal("Dana Reyes", (string?)session["agent"]!["displayName"]);
        Assert.Equal(ConsoleTestApp.Dana, (string?)session["agent"]!["userName"]);
    }

    [Theory]
    [InlineData(ConsoleTestApp.Dana, "wrong")]
    [InlineData("DANA", "dana's, in lower case")]
    [InlineData("nobody", "dana's")]
    [InlineData(ConsoleTestApp.Lee, "dana's")]
    public async Task SignIn_WrongNameOrPassword_Refused401WithSameMessageAndNoSession(string userName, string passwordCase)
    {
        // The passwords are made up per run, so the cases name them.
        var password = passwordCase switch
        {
            "dana's" => ConsoleTestApp.DanaPassword,
            "dana's, in lower case" => ConsoleTestApp.DanaPassword.ToLowerInvariant(),
            _ => "wrong-" + ConsoleTestApp.DanaPassword,
        };
        Assert.True(passwordCase != "dana's, in lower case" || password != ConsoleTestApp.DanaPassword);
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();

        using var response = await agent.PostSignInAsync(userName, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The user name or password is not right.", await response.Content.ReadAsStringAsync());
        Assert.False(agent.HasAgentCookie);
        using var api = await agent.Http.GetAsync("/agent/api/tickets");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task SignIn_UserNameInAnyCase_SignsInTheConfiguredAgent()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();

        await agent.SignInAsync("  DaNa ", ConsoleTestApp.DanaPassword);

        Assert.Equal(ConsoleTestApp.Dana, (string?)(await agent.SessionAsync())["agent"]!["userName"]);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksThatNameOutForFifteenMinutesEvenWithTheRightPassword()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();
        for (var i = 1; i <= 4; i++)
        {
            using var failed = await agent.PostSignInAsync(ConsoleTestApp.Dana, "guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var fifth = await agent.PostSignInAsync(ConsoleTestApp.Dana, "guess-5");
        using var rightButLocked = await agent.PostSignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        using var otherAgent = await app.Client().PostSignInAsync(ConsoleTestApp.Lee, ConsoleTestApp.LeePassword);
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await agent.PostSignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var afterLockout = await agent.PostSignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Contains("Too many failed sign-ins for this user name. Try again after 09:45 UTC.", await fifth.Content.ReadAsStringAsync());
        Assert.Equal("900", fifth.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherAgent.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
        Assert.True(agent.HasAgentCookie);
    }

    [Fact]
    public async Task SignIn_UnknownNameFailingFiveTimes_IsLockedOutLikeAKnownOne()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();
        HttpStatusCode last = default;
        for (var i = 1; i <= 5; i++)
        {
            using var response = await agent.PostSignInAsync("nobody", "guess-" + i);
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task SignIn_CrossSitePostWithoutAntiforgeryToken_Refused400AndNoSession()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();
        await agent.SignInFormTokenAsync(); // the victim's browser has the anti-forgery cookie; another site's form cannot know the token
        using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = ConsoleTestApp.Dana, ["password"] = ConsoleTestApp.DanaPassword }),
        };
        request.Headers.Add("Origin", "https://evil.example.test");

        using var response = await agent.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("came from another site; nothing was done", await response.Content.ReadAsStringAsync());
        Assert.False(agent.HasAgentCookie);
    }

    [Fact]
    public async Task SignIn_TokenOfAnotherBrowser_Refused400()
    {
        await using var app = new ConsoleTestApp();
        using var attacker = app.Client();
        using var victim = app.Client();
        var attackersToken = await attacker.SignInFormTokenAsync();
        await victim.SignInFormTokenAsync();

        using var response = await victim.Http.PostAsync("/agent/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = ConsoleTestApp.Dana, ["password"] = ConsoleTestApp.DanaPassword, ["__RequestVerificationToken"] = attackersToken,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(victim.HasAgentCookie);
    }

    [Fact]
    public async Task SignIn_ManyAttemptsFromOneAddress_LimitedWith429()
    {
        await using var app = new ConsoleTestApp(defaultRateLimits: true);
        using var agent = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            // A different name each time: the address limit, not the per-name lock-out, must stop this.
            using var response = await agent.PostSignInAsync("guess" + i, "password");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsSessionAndClosesTheConsole()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();
        await agent.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);

        using var response = await agent.Http.PostAsync("/agent/signout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = agent.ApiToken! }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent/signin", response.Headers.Location?.OriginalString);
        using var api = await agent.Http.GetAsync("/agent/api/tickets");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var page = await agent.Http.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task SignOut_CrossSiteWithoutToken_Refused400AndSessionStays()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();
        await agent.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);

        using var response = await agent.Http.PostAsync("/agent/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync("/agent/api/tickets")).StatusCode);
    }

    [Theory]
    [InlineData("Support:Agents:0:PasswordHash", "plain-text-password", "Support:Agents:0:PasswordHash is not a hash made by")]
    [InlineData("Support:Agents:1:UserName", "DANA", "Support:Agents:1:UserName 'DANA' is configured twice")]
    [InlineData("Support:Agents:1:DisplayName", "", "Support:Agents:1:DisplayName is required")]
    public async Task Start_BadAgentConfiguration_RefusesToStartNamingTheKey(string key, string value, string reason)
    {
        await using var app = new ConsoleTestApp(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Client());

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task Session_AgentRemovedFromConfiguration_IsSignedOutAtNextRequest()
    {
        await using var app = new ConsoleTestApp();
        using var agent = app.Client();
        await agent.SignInAsync(ConsoleTestApp.Lee, ConsoleTestApp.LeePassword);
        // As a configuration reload without Lee would leave the options.
        app.Services.GetRequiredService<IOptionsMonitor<AgentConsoleOptions>>().CurrentValue.Agents.RemoveAll(a => a.UserName == ConsoleTestApp.Lee);

        using var api = await agent.Http.GetAsync("/agent/api/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
