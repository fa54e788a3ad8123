using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Tests.Channels.DirectLine;

namespace ClosureBot.Tests.Browser;

// A person in a real browser (Web Chat 4.18.1 in headless Chromium) closes the demo account through the app's own
// Direct Line service. Screenshots of every step go to tests/artifacts/screenshots/.
public sealed class WebChatBrowserTests
{
    private static readonly string[] CardSteps =
        ["start", "account-alias", "no-term-commitment", "data-retrieved", "servers-continue", "services-continue", "confirm-alias"];

    [Fact]
    public async Task WebChat_TypingEveryAnswerOverWebSocket_CompletesClosureAndShowsLostConnection()
    {
        await using var host = new DirectLineTestHost();

        var report = await WebChatDriver.RunAsync(host.BaseAddress, "websocket", "type");

        AssertHappyPath(report);
        Assert.Equal(1, (int)report["websockets"]!);
        Assert.True((int)report["typingFrames"]! > 0, "a typing indicator is streamed while turns run");
        Assert.Equal(0, (int)report["polls"]!);
        Assert.All(report["userLocales"]!.AsArray(), l => Assert.Equal("en-GB", (string?)l));
        Assert.Contains("Connection lost", (string?)report["connectionLost"]!["text"]);
        Assert.True((bool?)report["connectionLost"]!["recovered"]);
    }

    [Fact]
    public async Task WebChat_ClickingCardButtonsWhilePolling_CompletesClosureWithEveryCardRendered()
    {
        await using var host = new DirectLineTestHost();

        // An English browser: the German and Spanish walks are WebChatLanguageTests.
        var report = await WebChatDriver.RunAsync(host.BaseAddress, "polling", "click", locale: "en-US");

        AssertHappyPath(report);
        Assert.Equal(0, (int)report["websockets"]!);
        Assert.True((int)report["polls"]! > 0);
        Assert.Equal(8, report["steps"]!.AsArray().Count(s => (string?)s!["how"] == "click"));
        Assert.All(report["userLocales"]!.AsArray(), l => Assert.Equal("en-US", (string?)l));
    }

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task WebChat_ReloadMidFlow_ResumesSameConversationWithHistory(string transport)
    {
        await using var host = new DirectLineTestHost();

        var report = await WebChatDriver.RunAsync(host.BaseAddress, transport, "reload");

        AssertHappyPath(report);
        var afterReload = report["afterReload"]!;
        Assert.True((bool?)afterReload["resumed"]);
        Assert.True((bool?)afterReload["sameConversation"]);
        Assert.Equal((int)report["steps"]![3]!["cardsAfter"]!, (int)afterReload["cards"]!);
        Assert.NotNull(afterReload["saved"]!["watermark"]);
    }

    [Fact]
    public async Task WebChat_PortalAssertionInFragment_SignsUserInAndSkipsAccountQuestion()
    {
        const string issuer = "https://portal.example.test", key = "portal-shared-key-0123456789abcdef0123";
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?>
        {
            ["WebChat:TrustedIssuer"] = issuer,
            ["WebChat:TrustedIssuerKey"] = key,
        });
        var assertion = HmacJwt.Sign(new JsonObject
        {
            ["iss"] = issuer, ["sub"] = "jane@example.test", ["name"] = "Jane Doe", ["account"] = "ACME",
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(),
        }, Encoding.UTF8.GetBytes(key));

        var report = await WebChatDriver.RunAsync(host.BaseAddress, "websocket", "verified", assertion: assertion);

        AssertHappyPath(report, expectedSteps: 9, cardSteps: [.. CardSteps.Except(["account-alias"]).Append("overview-yes")]);
        Assert.Equal("Signed in as Jane Doe", (string?)report["session"]);
        Assert.False((bool?)report["askedForAccount"]);
    }

    // The closure asked for by the account's alias alone, and another account named mid-flow, as a person types them.
    [Fact]
    public async Task WebChat_ClosingAnAccountNamedByItsAliasAlone_SkipsTheAccountQuestionAndTakesOneAccountAtATime()
    {
        await using var host = new DirectLineTestHost();

        var report = await WebChatDriver.RunAsync(host.BaseAddress, "websocket", "named");

        AssertHappyPath(report, expectedSteps: 10, cardSteps: ["start", "overview-yes", "no-term-commitment", "data-retrieved", "servers-continue", "services-continue", "confirm-alias"]);
        Assert.False((bool?)report["askedForAccount"]);
        Assert.Equal("another-account", (string?)report["steps"]![4]!["name"]);
    }

    [Fact]
    public async Task WebChat_NothingToCopyARefusingPortalAndAnUnansweredQuestion_AreAnsweredWithSupportBesideTheStep()
    {
        await using var host = new DirectLineTestHost();

        var report = await WebChatDriver.RunAsync(host.BaseAddress, "websocket", "stuck");

        AssertHappyPath(report, expectedSteps: 13);
        Assert.Equal(["nothing-to-keep", "data-retrieved", "trouble", "servers-done", "servers-continue", "unknown-question", "services-done"],
            report["steps"]!.AsArray().Skip(4).Take(7).Select(s => (string)s!["name"]!));
        Assert.Equal("click", (string?)report["steps"]![7]!["how"]);
        var buttons = report["troubleButtons"]!.AsArray().Select(b => ((string)b!).Trim()).ToList();
        Assert.Equal(["Talk to support", "Done", "Check again"], buttons);
        // What a customer sees under "I don't know the answer to that one … choose Talk to support": that button.
        var unknown = report["unknownQuestionButtons"]!.AsArray().Select(b => ((string)b!).Trim()).ToList();
        Assert.Equal(["Talk to support", "Done", "Check again"], unknown);
    }

    private static void AssertHappyPath(JsonObject report, int expectedSteps = 10, string[]? cardSteps = null)
    {
        cardSteps ??= CardSteps;
        Assert.Equal(1, (int)report["welcomeCards"]!);
        var steps = report["steps"]!.AsArray();
        Assert.Equal(expectedSteps, steps.Count);
        foreach (var step in steps)
        {
            var name = (string)step!["name"]!;
            var before = (int)step["cardsBefore"]!;
            var after = (int)step["cardsAfter"]!;
            Assert.True(cardSteps.Contains(name) ? after == before + 1 : after == before, $"{name}: {before} cards before, {after} after");
            Assert.True(File.Exists((string)step["screenshot"]!));
        }
        Assert.Matches(@"CLS-\d{8}-[A-Z0-9]+", (string?)report["receiptReference"]);
        Assert.Equal(0, (int)report["sendFailed"]!);
        Assert.Empty(report["pageErrors"]!.AsArray());
        Assert.Empty(report["externalRequests"]!.AsArray());
    }
}
