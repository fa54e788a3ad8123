using System.Text.Json.Nodes;
using ClosureBot.Tests.Browser;
using ClosureBot.Tests.Channels.DirectLine;

namespace ClosureBot.Tests.Handoff.AgentConsole;

// The whole handoff in a real browser on the real desk: a web chat customer and an agent on the console, two pages.
// Screenshots of both go to tests/artifacts/screenshots/handoff-e2e-*.png.
public sealed class HandoffEndToEndBrowserTests
{
    [Fact]
    public async Task Handoff_CustomerAsksAtStep2AgentHandsBackAtStep3_CustomerSeesAgentThenStep3Card()
    {
        await using var host = new DirectLineTestHost(settings: ConsoleTestApp.AgentSettings());

        var report = await WebChatDriver.RunScriptAsync("Handoff/AgentConsole/handoff-e2e-drive.mjs", new JsonObject
        {
            ["baseUrl"] = host.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["userName"] = ConsoleTestApp.Dana,
            ["password"] = ConsoleTestApp.DanaPassword,
            ["screenshotDir"] = WebChatDriver.ScreenshotFolder,
        }, "handoff end to end");

        Assert.Contains("Step 2 of 5", (string?)report["queuedText"]);
        Assert.Contains("Not verified", (string?)report["queuedText"]);
        var transcript = report["agentTranscript"]!.AsArray().Select(t => (string)t!).ToList();
        Assert.Contains(transcript, t => t.Contains("talk to support"));
        Assert.Contains(transcript, t => t.StartsWith("Dana Reyes") && t.Contains("I can help with your servers."));
        Assert.Contains(transcript, t => t.StartsWith("Customer") && t.Contains("My data is already copied elsewhere."));
        Assert.Contains("Servers: 6", (string?)report["remaining"]);
        Assert.False(report["axeViolations"]!.AsArray().Any(v => (string?)v!["impact"] is "serious" or "critical"), $"axe-core: {report["axeViolations"]}");
        Assert.Equal(1, (int)report["cardsAdded"]!);
        var texts = report["customerTexts"]!.AsArray().Select(t => (string)t!).ToList();
        var agentLine = texts.FindIndex(t => t.Contains("I can help with your servers."));
        var handedBack = texts.FindIndex(t => t.Contains("Dana Reyes has handed you back to me."));
        Assert.True(agentLine >= 0 && handedBack > agentLine, $"the agent's words, then the bot: {string.Join(" | ", texts)}");
        Assert.Contains("Step 3 of 5", (string?)report["agentResult"]);
        Assert.Contains("Nobody is waiting.", (string?)report["agentQueueAfter"]);
        Assert.Empty(report["pageErrors"]!.AsArray());
        Assert.Empty(report["externalRequests"]!.AsArray());
        Assert.Equal(5, report["screenshots"]!.AsArray().Count(s => File.Exists((string?)s)));
    }
}
