using System.Net;
using ClosureBot.Handoff;
using ClosureBot.Handoff.AgentConsole;
using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClosureBot.Tests.Handoff.AgentConsole;

/// <summary>The real app (in-memory server, fake clock) with two configured agents and the in-memory desk.</summary>
public sealed class ConsoleTestApp : IAsyncDisposable
{
    public const string Dana = "dana", Lee = "lee";
    // Made up per test run (no credential lives in the repository); the configured hashes are computed from them.
    public static readonly string DanaPassword = $"Dana-{Guid.NewGuid():N}", LeePassword = $"Lee-{Guid.NewGuid():N}";
    private static readonly Lazy<string> DanaHash = new(() => AgentCredentials.Hash(DanaPassword));
    private static readonly Lazy<string> LeeHash = new(() => AgentCredentials.Hash(LeePassword));
    private readonly BotApplicationFactory _root;
    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="fakeClock">
    /// False for hub tests: SignalR closes a connection when the session's expiry (stamped by the app's clock) has passed
    /// by the system clock, so a fake clock far from the real one would end every connection.
    /// </param>
    /// <param name="configureServices">More test services, after the in-memory desk.</param>
    public ConsoleTestApp(bool defaultRateLimits = false, IDictionary<string, string?>? settings = null, bool fakeClock = true,
        Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>(AgentSettings());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        _root = new BotApplicationFactory(fakeClock, all, defaultRateLimits);
        _factory = _root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            AddFakeDesk(services);
            configureServices?.Invoke(services);
        }));
    }

    /// <summary>Configuration of the two test agents, Dana and Lee.</summary>
    public static Dictionary<string, string?> AgentSettings() => new()
    {
        ["Support:Agents:0:UserName"] = Dana, ["Support:Agents:0:DisplayName"] = "Dana Reyes", ["Support:Agents:0:PasswordHash"] = DanaHash.Value,
        ["Support:Agents:1:UserName"] = Lee, ["Support:Agents:1:DisplayName"] = "Lee Chen", ["Support:Agents:1:PasswordHash"] = LeeHash.Value,
    };

    public static void AddFakeDesk(IServiceCollection services) =>
        services.AddSingleton<IHandoffDesk>(sp => new FakeHandoffDesk(sp.GetRequiredService<IHandoffEvents>, sp.GetRequiredService<TimeProvider>()));

    public FakeHandoffDesk Desk => (FakeHandoffDesk)_factory.Services.GetRequiredService<IHandoffDesk>();

    public FakeTimeProvider Clock => _root.Clock ?? throw new InvalidOperationException("This app runs on the system clock.");

    public IServiceProvider Services => _factory.Services;

    /// <summary>A browser-like client: its own cookie jar, no automatic redirects.</summary>
    public ConsoleClient Client()
    {
        var cookies = new CookieContainer();
        return new ConsoleClient(_factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>A SignalR client on the console hub with the cookies of <paramref name="client"/> (long polling over the test server).</summary>
    public HubConnection Hub(ConsoleClient client, string? antiforgeryToken)
    {
        var server = _factory.Server;
        return new HubConnectionBuilder().WithUrl(new Uri("http://localhost" + AgentHub.Path), options =>
        {
            options.HttpMessageHandlerFactory = _ => server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            if (client.CookieHeader is { Length: > 0 } cookies) options.Headers["Cookie"] = cookies;
            if (antiforgeryToken is not null) options.Headers["RequestVerificationToken"] = antiforgeryToken;
        }).Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
    }
}
