using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Handoff;
using ClosureBot.Handoff.AgentConsole;
using ClosureBot.Tests.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Handoff.AgentConsole;

// The console's API over HTTP on the in-memory desk: what an agent sees, accepting (and racing), writing, handing back,
// and that every change needs the page's anti-forgery token and the conversation's holder.
public sealed class AgentConsoleApiTests
{
    [Fact]
    public async Task Tickets_CustomerWaiting_ListedWithAccountVerificationStepChannelAndTime()
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync("ACME", verified: false);
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);

        var list = (await dana.Http.GetFromJsonAsync<JsonObject>("/agent/api/tickets"))!;

        var listed = Assert.Single(list["tickets"]!.AsArray())!;
        Assert.Equal(ticket.Id, (string?)listed["id"]);
        Assert.Equal("ACME", (string?)listed["accountAlias"]);
        Assert.False((bool)listed["verified"]!);
        Assert.Equal("delete-servers", (string?)listed["screen"]);
        Assert.Equal("webchat", (string?)listed["channelId"]);
        Assert.Equal("waiting", (string?)listed["status"]);
        Assert.Equal(ticket.RequestedAt, (DateTimeOffset)listed["requestedAt"]!);
        Assert.Equal(app.Clock.GetUtcNow(), (DateTimeOffset)list["now"]!);
    }

    [Fact]
    public async Task Case_OneTicket_HasTranscriptProgressRemainingResources()
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync(customerText: "Which servers are left?");
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);

        var found = (await dana.Http.GetFromJsonAsync<JsonObject>($"/agent/api/tickets/{ticket.Id}"))!;
        using var unknown = await dana.Http.GetAsync("/agent/api/tickets/t-unknown");

        Assert.Equal("Which servers are left?", (string?)found["transcript"]![0]!["text"]);
        Assert.Equal(["done", "current", "todo", "todo", "todo"], found["steps"]!.AsArray().Select(s => (string?)s!["state"]));
        Assert.Equal(2, found["remaining"]!["servers"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Accept_TwoAgentsAtOnce_ExactlyOneHoldsItAndTheOtherIsToldWho()
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        using var lee = await SignedIn(app, ConsoleTestApp.Lee, ConsoleTestApp.LeePassword);

        var responses = await Task.WhenAll(
            dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null),
            lee.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null));

        var won = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var lost = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var holder = (await won.Content.ReadFromJsonAsync<JsonObject>())!["ticket"]!;
        Assert.Equal("held", (string?)holder["status"]);
        var error = (await lost.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal("AlreadyTaken", (string?)error["code"]);
        Assert.Equal($"Taken by {holder["agentDisplayName"]}.", (string?)error["message"]);
    }

    [Fact]
    public async Task Send_ByTheHolder_GoesThroughTheDeskAsThatAgent()
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        (await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null)).EnsureSuccessStatusCode();

        using var response = await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/messages", new { text = "  Hi, I'm Dana. Let's look at your servers.  " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = Assert.Single(app.Desk.Sent);
        Assert.Equal(new SupportAgent(ConsoleTestApp.Dana, "Dana Reyes"), sent.Agent);
        Assert.Equal("Hi, I'm Dana. Let's look at your servers.", sent.Text);
        Assert.Equal("agent", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["from"]);
    }

    [Fact]
    public async Task Send_ByAnAgentNotHoldingIt_Refused409AndNothingSent()
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        using var lee = await SignedIn(app, ConsoleTestApp.Lee, ConsoleTestApp.LeePassword);
        using var beforeAccept = await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/messages", new { text = "hello" });
        (await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null)).EnsureSuccessStatusCode();

        using var byLee = await lee.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/messages", new { text = "hello" });

        Assert.Equal(HttpStatusCode.Conflict, beforeAccept.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byLee.StatusCode);
        Assert.Empty(app.Desk.Sent);
    }

    [Theory]
    [InlineData("/accept")]
    [InlineData("/messages")]
    [InlineData("/hand-back")]
    public async Task Change_WithoutAntiforgeryToken_Refused403AndNothingDone(string action)
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        if (action != "/accept") (await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null)).EnsureSuccessStatusCode();

        using var response = await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}{action}",
            new { text = "hello", resumeAt = "delete-services", facts = Array.Empty<string>() }, withToken: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = (await app.Desk.FindAsync(ticket.Id, CancellationToken.None))!.Ticket;
        Assert.Equal(action == "/accept" ? HandoffStatus.Waiting : HandoffStatus.Held, after.Status);
        Assert.Empty(app.Desk.Sent);
        Assert.Empty(app.Desk.HandedBack);
    }

    [Fact]
    public async Task Change_WithAnotherAgentsToken_Refused403()
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        using var lee = await SignedIn(app, ConsoleTestApp.Lee, ConsoleTestApp.LeePassword);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/agent/api/tickets/{ticket.Id}/accept");
        request.Headers.Add("RequestVerificationToken", lee.ApiToken);

        using var response = await dana.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task HandBack_WithFactsAndNote_DeskGetsTheScreenFactsAndNote()
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        (await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null)).EnsureSuccessStatusCode();

        using var response = await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/hand-back",
            new { resumeAt = "delete-services", facts = new[] { "dataRetrieved", "noTermCommitment", "dataRetrieved" }, note = " data retrieved via Service Task #123 " });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var (_, agent, handBack) = Assert.Single(app.Desk.HandedBack);
        Assert.Equal(ConsoleTestApp.Dana, agent.UserName);
        Assert.Equal("delete-services", handBack.ResumeAt);
        Assert.Equal([VerifiedFact.DataRetrieved, VerifiedFact.NoTermCommitment], handBack.Facts);
        Assert.Equal("data retrieved via Service Task #123", handBack.Note);
    }

    [Theory]
    [InlineData("""{"resumeAt":"nowhere","facts":[]}""", "resumeAt must be one of")]
    [InlineData("""{"resumeAt":"delete-services","facts":["paidInFull"]}""", "known verified facts")]
    [InlineData("""{"resumeAt":"delete-services","facts":["0"]}""", "known verified facts")]
    [InlineData("{\"resumeAt\":\"delete-services\"", "The body must be JSON")]
    public async Task HandBack_BadInput_Refused400AndNothingHandedBack(string body, string reason)
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        (await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null)).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/agent/api/tickets/{ticket.Id}/hand-back")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", dana.ApiToken);

        using var response = await dana.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["message"]);
        Assert.Empty(app.Desk.HandedBack);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Send_EmptyOrTooLong_Refused400(string text)
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        (await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null)).EnsureSuccessStatusCode();

        using var empty = await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/messages", new { text });
        using var tooLong = await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/messages", new { text = new string('x', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Empty(app.Desk.Sent);
    }

    // The longest message, with every character escaped as \u00e9 the way System.Text.Json writes it: six bytes each.
    [Fact]
    public async Task Send_LongestMessageEveryCharacterEscaped_Accepted()
    {
        await using var app = new ConsoleTestApp();
        var ticket = await app.Desk.EnqueueAsync();
        using var dana = await SignedIn(app, ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        (await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null)).EnsureSuccessStatusCode();

        using var response = await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/messages", new { text = new string('é', AgentConsoleApi.MaxMessageLength) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(AgentConsoleApi.MaxMessageLength, Assert.Single(app.Desk.Sent).Text.Length);
    }

    // On a real server, whose own 2 MiB limit surfaced as a 500; under it, a valid body padded past the API's limit.
    [Theory]
    [InlineData("/messages", 3_000_000)]
    [InlineData("/hand-back", 3_000_000)]
    [InlineData("/messages", 64 * 1024)]
    [InlineData("/hand-back", 64 * 1024)]
    public async Task Change_BodyOverTheLimit_Refused413AndNothingDone(string action, int bytes)
    {
        await using var host = new DirectLineTestHost(settings: ConsoleTestApp.AgentSettings(), configureServices: ConsoleTestApp.AddFakeDesk);
        var desk = (FakeHandoffDesk)host.Services.GetRequiredService<IHandoffDesk>();
        var ticket = await desk.EnqueueAsync();
        var cookies = new CookieContainer();
        using var dana = new ConsoleClient(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress }, cookies);
        await dana.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        (await dana.PostJsonAsync($"/agent/api/tickets/{ticket.Id}/accept", null)).EnsureSuccessStatusCode();
        var body = new byte[bytes];
        Array.Fill(body, (byte)' ');
        "{\"text\":\"hello\",\"resumeAt\":\"delete-services\",\"facts\":[]}"u8.CopyTo(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/agent/api/tickets/{ticket.Id}{action}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("RequestVerificationToken", dana.ApiToken);
        // Waits for 100-continue: a server refusing from the Content-Length alone answers before the body is sent.
        request.Headers.ExpectContinue = true;
        request.Headers.ConnectionClose = true;

        using var response = await dana.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PayloadTooLarge", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.Empty(desk.Sent);
        Assert.Empty(desk.HandedBack);
        Assert.Equal(HandoffStatus.Held, (await desk.FindAsync(ticket.Id, CancellationToken.None))!.Ticket.Status);
    }

    private static async Task<ConsoleClient> SignedIn(ConsoleTestApp app, string userName, string password)
    {
        var client = app.Client();
        await client.SignInAsync(userName, password);
        return client;
    }
}
