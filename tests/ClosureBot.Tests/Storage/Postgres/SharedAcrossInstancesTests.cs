using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Handoff;
using ClosureBot.Tests.Handoff.AgentConsole;
using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary>
/// What two instances on one PostgreSQL database must share beyond conversations: the Data Protection key ring (an
/// agent's session and anti-forgery token made on one instance are accepted by the other), the sign-in lock-out count,
/// and the console's live pushes (a console connected to one instance sees what happens on the other).
/// </summary>
public sealed class SharedAcrossInstancesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AgentSession_SignedInOnOneInstance_AcceptedWithItsTokenByTheOther()
    {
        await using var a = Host();
        await using var b = Host(a.Postgres);
        var cookies = new CookieContainer();
        using var onA = Console(a, cookies);
        using var onB = Console(b, cookies);

        await onA.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        var session = await onB.SessionAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/api/tickets/no-such-ticket/accept") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("RequestVerificationToken", onA.ApiToken);
        using var withTokenFromA = await onB.Http.SendAsync(request);
        using var withoutToken = await onB.PostJsonAsync("/agent/api/tickets/no-such-ticket/accept", new { }, withToken: false);
        using var page = await onB.Http.GetAsync("/agent");

        Assert.Equal(ConsoleTestApp.Dana, (string?)session["agent"]!["userName"]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, withTokenFromA.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, withTokenFromA.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        // Both instances work with the keys in the database, not with a key ring of their own machine.
        var stored = StoredKeyIds(a.Postgres!);
        Assert.NotEmpty(stored);
        foreach (var host in new[] { a, b })
            Assert.Subset(stored, host.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).ToHashSet());
    }

    [Fact]
    public async Task SignIn_FailuresSpreadOverBothInstances_LockTheNameOutOnBoth()
    {
        await using var a = Host();
        await using var b = Host(a.Postgres);
        var cookies = new CookieContainer();
        using var onA = Console(a, cookies);
        using var onB = Console(b, cookies);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            using var failed = await (i % 2 == 0 ? onB : onA).PostSignInAsync(ConsoleTestApp.Dana, "guess-" + i);
            statuses.Add(failed.StatusCode);
        }
        using var rightOnA = await onA.PostSignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        using var rightOnB = await onB.PostSignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        using var otherAgent = await onB.PostSignInAsync(ConsoleTestApp.Lee, ConsoleTestApp.LeePassword);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightOnA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightOnB.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherAgent.StatusCode);
    }

    [Fact]
    public async Task ConsoleOnOneInstance_CustomerOnTheOther_GetsTheTicketAndItsLinesPushed()
    {
        await using var a = Host();
        await using var b = Host(a.Postgres);
        var cookies = new CookieContainer();
        using var dana = Console(b, cookies);
        await dana.SignInAsync(ConsoleTestApp.Dana, ConsoleTestApp.DanaPassword);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(b.BaseAddress, "/agent/hub"), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.Headers["Cookie"] = cookies.GetCookieHeader(new Uri(b.BaseAddress, "/agent/hub"));
            options.Headers["RequestVerificationToken"] = dana.ApiToken!;
        }).Build();
        var ticket = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var line = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("ticketChanged", t => ticket.TrySetResult(t));
        hub.On<JsonElement>("messageAdded", l => line.TrySetResult(l));
        await hub.StartAsync();
        await hub.InvokeAsync("Ready"); // pushes reach this connection from its answer on

        var customer = await WebChatCustomer.StartAsync(a.Client);
        await customer.Send("talk to support");
        var queued = await ticket.Task.WaitAsync(Patience);
        await hub.InvokeAsync("Watch", queued.GetProperty("id").GetString());
        await customer.Send("is anyone there?");
        var said = await line.Task.WaitAsync(Patience);

        Assert.Equal(("waiting", "support"), (queued.GetProperty("status").GetString(), queued.GetProperty("queue").GetString()));
        Assert.Equal(("is anyone there?", "customer"), (said.GetProperty("text").GetString(), said.GetProperty("from").GetString()));
    }

    private static DirectLineTestHost Host(string? postgres = null) =>
        new(settings: ConsoleTestApp.AgentSettings(), storage: StorageProviders.Postgres, postgres: postgres);

    private static ConsoleClient Console(DirectLineTestHost host, CookieContainer cookies) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress }, cookies);

    private static HashSet<Guid> StoredKeyIds(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT xml FROM dataprotection_keys", connection);
        using var reader = command.ExecuteReader();
        var ids = new HashSet<Guid>();
        while (reader.Read()) ids.Add(Guid.Parse(XElement.Parse(reader.GetString(0)).Attribute("id")!.Value));
        return ids;
    }
}
