using System.Net;
using System.Text.Json;
using ClosureBot.Handoff;
using ClosureBot.Handoff.AgentConsole;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Handoff.AgentConsole;

// The console's live channel with the ASP.NET Core SignalR .NET client: pushes reach signed-in agents, and the hub
// refuses callers without a session, without the page's anti-forgery token, from another origin, or skipping negotiate.
public sealed class AgentHubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hub_CustomerJoinsQueue_SignedInAgentGetsTheTicketPushed(bool serverSlowToJoin)
    {
        await using var app = new ConsoleTestApp(fakeClock: false, configureServices: serverSlowToJoin ? SlowHubConnect.Add : null);
        using var dana = app.Client();
        await dana.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        await using var hub = app.Hub(dana, dana.ApiToken);
        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("ticketChanged", ticket => pushed.TrySetResult(ticket));
        await hub.StartAsync();
        var handshakeDone = System.Diagnostics.Stopwatch.StartNew();
        // The handshake completes before the server has joined the connection to the agents' group; Ready's answer
        // comes after it (the console page reads its queues only then).
        await hub.InvokeAsync("Ready");

        var queued = await app.Desk.EnqueueAsync("ACME", verified: true);

        if (serverSlowToJoin)
            Assert.True(handshakeDone.Elapsed >= SlowHubConnect.Delay * 0.8, $"Ready answered after {handshakeDone.Elapsed}, before the join");
        var ticket = await pushed.Task.WaitAsync(Patience);
        Assert.Equal(queued.Id, ticket.GetProperty("id").GetString());
        Assert.Equal("ACME", ticket.GetProperty("accountAlias").GetString());
        Assert.Equal("waiting", ticket.GetProperty("status").GetString());
        Assert.True(ticket.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Hub_WatchingATicket_GetsItsNewLinesButNotOtherTickets()
    {
        await using var app = new ConsoleTestApp(fakeClock: false);
        var watched = await app.Desk.EnqueueAsync("ACME");
        var other = await app.Desk.EnqueueAsync("EMPTY");
        using var dana = app.Client();
        await dana.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        await using var hub = app.Hub(dana, dana.ApiToken);
        var lines = new List<JsonElement>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("messageAdded", line => { lock (lines) { lines.Add(line); if (lines.Count == 2) second.TrySetResult(); } });
        await hub.StartAsync();
        await hub.InvokeAsync("Watch", watched.Id);

        await app.Desk.CustomerSaysAsync(other.Id, "not for this agent's screen");
        await app.Desk.CustomerSaysAsync(watched.Id, "are you there?");
        await app.Desk.CustomerSaysAsync(watched.Id, "hello?");

        await second.Task.WaitAsync(Patience);
        Assert.Equal(["are you there?", "hello?"], lines.Select(l => l.GetProperty("text").GetString()));
        Assert.All(lines, l => Assert.Equal("customer", l.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task Hub_AgentSignsOut_ConnectionIsClosed()
    {
        await using var app = new ConsoleTestApp(fakeClock: false);
        using var dana = app.Client();
        await dana.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        await using var hub = app.Hub(dana, dana.ApiToken);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();

        using var signOut = await dana.Http.PostAsync("/agent/signout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = dana.ApiToken! }));

        await closed.Task.WaitAsync(Patience);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        Assert.Equal(0, app.Services.GetRequiredService<AgentConnections>().Count);
    }

    [Fact]
    public async Task Hub_NoSession_NegotiateRefused401()
    {
        await using var app = new ConsoleTestApp(fakeClock: false);
        using var anonymous = app.Client();
        await using var hub = app.Hub(anonymous, null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Hub_SignedInWithoutAntiforgeryToken_NegotiateRefused403()
    {
        await using var app = new ConsoleTestApp(fakeClock: false);
        using var dana = app.Client();
        await dana.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        await using var hub = app.Hub(dana, null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Hub_ForeignOrigin_Refused403()
    {
        await using var app = new ConsoleTestApp(fakeClock: false);
        using var dana = app.Client();
        await dana.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/hub/negotiate?negotiateVersion=1");
        request.Headers.Add("RequestVerificationToken", dana.ApiToken);
        request.Headers.Add("Origin", "https://evil.example.test");

        using var response = await dana.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Hub_ConnectWithoutNegotiate_Refused400()
    {
        await using var app = new ConsoleTestApp(fakeClock: false);
        using var dana = app.Client();
        await dana.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);

        using var response = await dana.Http.GetAsync("/agent/hub");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
