using System.Text.Json.Nodes;
using ClosureBot.Handoff;
using ClosureBot.Tests.Browser;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Handoff.AgentConsole;

// An agent in a real browser (headless Chromium) on the console page, against the app on a loopback port with the
// in-memory desk: sign-in, a conversation pushed into the queue, accept, messages both ways, hand-back, axe-core.
// Screenshots go to tests/artifacts/screenshots/agent-console-*.png.
public sealed class AgentConsoleBrowserTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Console_AgentTakesAConversationAndHandsItBack_AllLiveAndAccessible()
    {
        await using var host = new DirectLineTestHost(settings: ConsoleTestApp.AgentSettings(), configureServices: ConsoleTestApp.AddFakeDesk);
        var desk = (FakeHandoffDesk)host.Services.GetRequiredService<IHandoffDesk>();
        HandoffTicket? ticket = null;

        var report = await RunAsync(host.BaseAddress, async step =>
        {
            switch (step)
            {
                case "signed-in":
                    ticket = await desk.EnqueueAsync("ACME", verified: true, customerText: "I need help deleting my servers");
                    break;
                case "agent-sent":
                    var sent = Assert.Single(desk.Sent);
                    Assert.Equal((ticket!.Id, "dana", "Hello, I am Dana from support. Let us look at your servers."), (sent.TicketId, sent.Agent.UserName, sent.Text));
                    await desk.CustomerSaysAsync(ticket.Id, "Thanks! Which servers remain?");
                    break;
                case "handed-back":
                    var (_, agent, handBack) = Assert.Single(desk.HandedBack);
                    Assert.Equal("dana", agent.UserName);
                    Assert.Equal("delete-services", handBack.ResumeAt);
                    Assert.Equal([VerifiedFact.DataRetrieved], handBack.Facts);
                    Assert.Equal("data retrieved via Service Task #123", handBack.Note);
                    break;
            }
        });

        Assert.Equal("/agent/signin", (string?)report["redirectedTo"]);
        Assert.Contains("The user name or password is not right.", (string?)report["wrongPasswordAlert"]);
        Assert.Equal("Signed in as Dana Reyes", (string?)report["signedInAs"]);
        Assert.Contains("/agent/hub?id=", (string?)report["websocket"]);
        Assert.Equal(0, (int)report["reloadsBeforeSignOut"]!);
        Assert.Contains("Verified", (string?)report["queuedText"]);
        Assert.Contains("Step 2 of 5", (string?)report["queuedText"]);
        Assert.Contains("webchat", (string?)report["queuedText"]);
        Assert.Contains("Waiting 0 min", (string?)report["queuedText"]);
        Assert.Contains(report["transcriptOnAccept"]!.AsArray(), l => ((string?)l)!.Contains("I need help deleting my servers"));
        Assert.Equal(["Done — Retrieve your data", "Current — Delete running, stopped and archived servers"],
            report["progress"]!.AsArray().Take(2).Select(p => (string?)p));
        Assert.Contains("Servers: 2", (string?)report["remaining"]);
        Assert.Contains("Held by you", (string?)report["status"]);
        Assert.False(report["axeViolations"]!.AsArray().Any(v => (string?)v!["impact"] is "serious" or "critical"), $"axe-core: {report["axeViolations"]}");
        Assert.True(report["smallTargets"]!.AsArray().Count == 0, $"Targets under 44 px: {report["smallTargets"]}");
        Assert.Equal("Skip to the conversation", (string?)report["firstTab"]);
        Assert.Equal("conversation", (string?)report["afterSkip"]);
        Assert.Contains("Step 3 of 5", (string?)report["handBackResult"]);
        Assert.Contains("Nobody is waiting.", (string?)report["queueAfterHandBack"]);
        Assert.Equal(401, (int)report["apiAfterSignOut"]!);
        Assert.Empty(report["pageErrors"]!.AsArray());
        Assert.Empty(report["externalRequests"]!.AsArray());
        Assert.All(report["screenshots"]!.AsArray(), s => Assert.True(File.Exists((string?)s)));
    }

    /// <summary>Runs console-drive.mjs, answering each event it announces once <paramref name="onEvent"/> has played the customer.</summary>
    private static async Task<JsonObject> RunAsync(Uri baseAddress, Func<string, Task> onEvent)
    {
        var options = new JsonObject
        {
            ["baseUrl"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["userName"] = ConsoleTestApp.Dana,
            ["password"] = ConsoleTestApp.DanaPassword,
            ["screenshotDir"] = WebChatDriver.ScreenshotFolder,
        };
        using var process = NodeScript.Start("Handoff/AgentConsole/console-drive.mjs", [options.ToJsonString()], redirectInput: true);
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var message = JsonNode.Parse(line)!.AsObject();
                if (message["event"] is not { } name)
                {
                    await process.WaitForExitAsync(timeout.Token);
                    Assert.True((bool?)message["ok"] == true, $"The console scenario failed: {message["error"]}\nReport: {message}");
                    return message;
                }
                await onEvent((string)name!);
                await process.StandardInput.WriteLineAsync("ok");
                await process.StandardInput.FlushAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The console scenario did not finish within {Limit.TotalSeconds} s: {await process.StandardError.ReadToEndAsync()}");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        throw new InvalidOperationException($"console-drive.mjs ended without a report: {await process.StandardError.ReadToEndAsync()}");
    }
}
