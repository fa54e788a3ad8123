using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Identity;

namespace ClosureBot.Tests.Browser;

// A person signs in to the public web chat through OpenID Connect (a real oidc-provider on loopback) in headless
// Chromium, with verification required as in production. Screenshots go to tests/artifacts/screenshots/signin-*.
public sealed class WebChatSignInTests
{
    private const string AdminKey = "admin-key-for-sign-in-tests-93f2";

    [Fact]
    public async Task SignIn_AdministratorOfAcme_ClosesItVerifiedWithoutBeingAskedWhichAccountThenSignsOut()
    {
        await using var provider = await OidcTestProvider.StartAsync();
        await using var host = await StartAsync(provider);

        var report = await RunAsync(host, provider, "verified", OidcTestProvider.Admin);

        Assert.True((bool?)report["signInOffered"]);
        Assert.Equal($"Signed in as {OidcTestProvider.AdminName}", (string?)report["session"]);
        Assert.False((bool?)report["askedForAccount"]);
        Assert.Matches(@"CLS-\d{8}-[A-Z0-9]+", (string?)report["receiptReference"]);
        var requester = Assert.Single(await ClosureRequestsAsync(host))!["requester"]!;
        Assert.True((bool?)requester["verified"]);
        Assert.Equal(OidcTestProvider.AdminName, (string?)requester["name"]);
        Assert.DoesNotContain(OidcTestProvider.Admin, (string?)requester["userId"]);
        var afterSignOut = report["afterSignOut"]!;
        Assert.Equal("Guest session", (string?)afterSignOut["session"]);
        Assert.True((bool?)afterSignOut["newConversation"]);
        Assert.Equal(1, (int)afterSignOut["cards"]!);
    }

    [Fact]
    public async Task SignIn_PersonWhoDoesNotAdministerAcme_IsRefusedAcmeAndMayActForTheirOwn()
    {
        await using var provider = await OidcTestProvider.StartAsync();
        await using var host = await StartAsync(provider);

        var report = await RunAsync(host, provider, "refused", OidcTestProvider.Other);

        Assert.Contains("The accounts you may close: EMPTY, INIT.", (string?)report["refusal"]);
        Assert.False((bool?)report["showsAcmeServers"]);
        var steps = report["steps"]!.AsArray();
        var refused = steps.Single(s => (string?)s!["name"] == "not-theirs")!;
        Assert.Equal((int)refused["cardsBefore"]!, (int)refused["cardsAfter"]!);
        Assert.Empty(await ClosureRequestsAsync(host));
    }

    [Fact]
    public async Task SignIn_MidFlowAtTheAccountQuestion_ContinuesTheSameConversationVerified()
    {
        await using var provider = await OidcTestProvider.StartAsync();
        await using var host = await StartAsync(provider);

        var report = await RunAsync(host, provider, "midflow", OidcTestProvider.Admin);

        Assert.Equal("Guest session", (string?)report["guestSession"]);
        Assert.False((bool?)report["guestSawAcmeServers"]);
        var afterSignIn = report["afterSignIn"]!;
        Assert.True((bool?)afterSignIn["sameConversation"]);
        Assert.True((bool?)afterSignIn["thanked"]);
        Assert.True((bool?)report["sameConversation"]);
        var requester = Assert.Single(await ClosureRequestsAsync(host))!["requester"]!;
        Assert.True((bool?)requester["verified"]);
    }

    private static async Task<DirectLineTestHost> StartAsync(OidcTestProvider provider)
    {
        var settings = provider.AppSettings();
        settings["Admin:ApiKey"] = AdminKey;
        var host = new DirectLineTestHost(settings: settings);
        await provider.ServeAsync(host.BaseAddress);
        return host;
    }

    private static async Task<JsonObject> RunAsync(DirectLineTestHost host, OidcTestProvider provider, string scenario, string login)
    {
        var report = await WebChatDriver.RunScriptAsync("Browser/signin-drive.mjs", new JsonObject
        {
            ["baseUrl"] = host.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["providerUrl"] = provider.Authority,
            ["scenario"] = scenario,
            ["login"] = login,
            ["screenshotDir"] = WebChatDriver.ScreenshotFolder,
        }, $"sign-in {scenario}");
        Assert.Empty(report["pageErrors"]!.AsArray());
        Assert.Empty(report["externalRequests"]!.AsArray());
        return report;
    }

    private static async Task<JsonArray> ClosureRequestsAsync(DirectLineTestHost host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/closure-requests");
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }
}
