using System.Text.Json.Nodes;
using ClosureBot.Handoff;
using ClosureBot.Localization;
using ClosureBot.Tests.Browser;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Handoff.AgentConsole;

// An agent in a real browser (headless Chromium) on the console page, against the app on a loopback port with the
// in-memory desk: sign-in, a conversation pushed into the queue, accept, messages both ways, hand-back, axe-core; and
// the same console for an agent whose browser speaks German, every text from the German table.
// Screenshots go to tests/artifacts/screenshots/agent-console-*.png.
public sealed class AgentConsoleBrowserTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Console_AgentTakesAConversationAndHandsItBack_AllLiveAndAccessible()
    {
        // The hub joins each connection a second after its handshake: the page must not say "Live" (after which the
        // ticket below is queued) before the server pushes to it.
        await using var host = new DirectLineTestHost(settings: ConsoleTestApp.AgentSettings(), configureServices: services =>
        {
            ConsoleTestApp.AddFakeDesk(services);
            SlowHubConnect.Add(services);
        });
        var desk = (FakeHandoffDesk)host.Services.GetRequiredService<IHandoffDesk>();
        HandoffTicket? ticket = null;

        var report = await RunAsync("console-drive.mjs", host.BaseAddress, async step =>
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
        // After the hand-back the case still shows where the customer asked, the Step line and the progress list alike;
        // where the bot resumes is the banner's.
        Assert.Contains("Step 2 of 5", (string?)report["stepAfterHandBack"]);
        Assert.Equal(["Done — Retrieve your data", "Current — Delete running, stopped and archived servers"],
            report["progressAfterHandBack"]!.AsArray().Take(2).Select(p => (string?)p));
        Assert.Contains("Nobody is waiting.", (string?)report["queueAfterHandBack"]);
        Assert.Equal(401, (int)report["apiAfterSignOut"]!);
        Assert.Empty(report["pageErrors"]!.AsArray());
        Assert.Empty(report["externalRequests"]!.AsArray());
        Assert.All(report["screenshots"]!.AsArray(), s => Assert.True(File.Exists((string?)s)));
    }

    [Fact]
    public async Task Console_AppRestarts_PageReconnectsAndReloadsTheHeldConversation()
    {
        using var folder = new TempFolder("closurebot-console-");
        var settings = new Dictionary<string, string?>(ConsoleTestApp.AgentSettings()) { ["Urls"] = $"http://127.0.0.1:{LoopbackPort.Free()}" };
        DirectLineTestHost? host = null;
        // The desk outlives the app, as the real desk's database does; it announces through whichever app is running.
        var desk = new FakeHandoffDesk(() => host!.Services.GetRequiredService<IHandoffEvents>(), TimeProvider.System);
        DirectLineTestHost Start() => new(folder.Path, settings, configureServices: services => services.AddSingleton<IHandoffDesk>(desk));
        host = Start();
        try
        {
            var ticket = await desk.EnqueueAsync("ACME", customerText: "I need help deleting my servers");
            var report = await RunAsync("console-restart-drive.mjs", host.BaseAddress, async step =>
            {
                switch (step)
                {
                    case "accepted":
                        await host.DisposeAsync();
                        break;
                    case "stopped":
                        host = Start();
                        break;
                    case "reconnected":
                        await desk.CustomerSaysAsync(ticket.Id, "Are you still there?");
                        break;
                }
            });

            Assert.Matches("reconnecting|Not connected", (string?)report["whileDown"]);
            Assert.Equal("The conversation could not be loaded.", (string?)report["openWhileDown"]);
            Assert.Contains("Yours", (string?)report["queueAfter"]);
            var transcript = report["transcript"]!.AsArray().Select(t => (string)t!).ToList();
            Assert.Contains(transcript, t => t.Contains("I need help deleting my servers"));
            Assert.Contains(transcript, t => t.Contains("Are you still there?"));
            Assert.Equal(0, (int)report["loads"]!);
            Assert.Empty(report["pageErrors"]!.AsArray());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Console_GermanBrowser_EveryTextTheAgentReadsIsGerman()
    {
        await using var host = new DirectLineTestHost(settings: ConsoleTestApp.AgentSettings(), configureServices: ConsoleTestApp.AddFakeDesk);
        var desk = (FakeHandoffDesk)host.Services.GetRequiredService<IHandoffDesk>();
        var t = Locales.Load().For("de-DE");
        string P(string key) => t.Page("console." + key);

        var report = await RunAsync("console-language-drive.mjs", host.BaseAddress, async step =>
        {
            if (step == "signed-in") await desk.EnqueueAsync("ACME", verified: true, customerText: "Ich brauche Hilfe beim Löschen meiner Server",
                customerLocale: "de-DE");
        }, locale: "de-DE");

        var signIn = report["signIn"]!;
        Assert.Equal(("de", t.Page("signIn.title"), t.Page("signIn.heading"), t.Page("signIn.userName"), t.Page("signIn.password"), t.Page("signIn.signIn")),
            ((string?)signIn["lang"], (string?)signIn["title"], (string?)signIn["heading"], (string?)signIn["userName"], (string?)signIn["password"], (string?)signIn["button"]));
        Assert.Equal(t.Page("signIn.wrong"), (string?)signIn["refused"]);
        var console = report["console"]!;
        Assert.Equal(("de", P("title"), P("heading"), P("signedInAs").Replace("{0}", "Dana Reyes"), P("signOut"), P("live")),
            ((string?)console["lang"], (string?)console["title"], (string?)console["heading"], (string?)console["me"], (string?)console["signOut"], (string?)console["connection"]));
        Assert.Equal((P("queues"), P("queueSales"), P("nobodyWaiting"), P("noneSelected"), "ACME übernehmen"),
            ((string?)console["queues"], (string?)console["sales"], (string?)console["emptySales"], (string?)console["noneSelected"], (string?)console["acceptLabel"]));
        Assert.Contains("Bestätigt", (string?)console["ticket"]);
        Assert.Contains(t.Format(TextId.StepOf, 2, t[TextId.StepDeleteServers]), (string?)console["ticket"]);
        Assert.Contains("Wartet seit 0 Min.", (string?)console["ticket"]);
        var found = report["case"]!;
        Assert.Equal("ACME · Warteschlange Support", (string?)found["title"]);
        Assert.Equal(P("accepted"), (string?)found["result"]);
        Assert.Contains("Von Ihnen übernommen", (string?)found["facts"]);
        Assert.Contains("Wollte einen Menschen sprechen", (string?)found["facts"]);
        Assert.Equal([$"Erledigt — {t[TextId.StepRetrieveData]}", $"Aktuell — {t[TextId.StepDeleteServers]}"],
            found["progress"]!.AsArray().Take(2).Select(p => (string?)p));
        Assert.Contains("Server: 2", (string?)found["remaining"]);
        Assert.Contains("Abgerechnete Dienste: 1", (string?)found["remaining"]);
        Assert.Equal(P("noClosure"), (string?)found["closure"]);
        Assert.StartsWith("Kunde · ", (string?)found["transcriptWho"]);
        Assert.Equal("Unterhaltung beenden", (string?)found["resumeOptions"]!.AsArray()[^1]);
        Assert.Equal([P("factDataRetrieved"), P("factNoTermCommitment")], found["factChoices"]!.AsArray().Select(f => (string?)f));
        Assert.Equal((P("handBack"), P("messageLabel")), ((string?)found["handBack"], (string?)found["messageLabel"]));
        Assert.False(report["axeViolations"]!.AsArray().Any(v => (string?)v!["impact"] is "serious" or "critical"), $"axe-core: {report["axeViolations"]}");
        Assert.Empty(report["pageErrors"]!.AsArray());
        Assert.Empty(report["externalRequests"]!.AsArray());
        Assert.All(report["screenshots"]!.AsArray(), s => Assert.True(File.Exists((string?)s)));
    }


    /// <summary>Runs a console script, answering each event it announces once <paramref name="onEvent"/> has played its part.</summary>
    private static async Task<JsonObject> RunAsync(string script, Uri baseAddress, Func<string, Task> onEvent, string locale = "en-GB")
    {
        var options = new JsonObject
        {
            ["baseUrl"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["userName"] = ConsoleTestApp.Dana,
            ["password"] = ConsoleTestApp.DanaPassword,
            ["screenshotDir"] = WebChatDriver.ScreenshotFolder,
            ["locale"] = locale,
        };
        using var process = NodeScript.Start("Handoff/AgentConsole/" + script, [options.ToJsonString()], redirectInput: true);
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
        throw new InvalidOperationException($"{script} ended without a report: {await process.StandardError.ReadToEndAsync()}");
    }
}
