using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Authentication;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Protocol.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ClosureBot.Protocol.Tests.Support;

/// <summary>
/// A bot on the protocol layer alone (AddBotProtocol + MapBotMessages + an echo bot) on 127.0.0.1 over real HTTP,
/// configured against a <see cref="FakeOpenIdProvider"/>, with a fake Connector (plain HTTP on 127.0.0.1) that
/// records each reply and its <c>Authorization</c> header. The allow-list names only *.botframework.com, so the bot
/// may reply to the fake Connector only because a validated token named it.
/// </summary>
public sealed class AuthenticatedBotHost : IAsyncDisposable
{
    public const string AppId = "9c1e4b7a-2d3f-4a5b-8c6d-7e8f9a0b1c2d";
    /// <summary>The app's client secret, made up per test run (no credential lives in the repository).</summary>
    public static readonly string ClientSecretForTests = $"secret-{Guid.NewGuid():N}";

    private readonly WebApplication _bot;
    private readonly WebApplication _connector;
    private readonly HttpClient _client = new();

    private AuthenticatedBotHost(WebApplication bot, WebApplication connector, FakeTimeProvider clock)
    {
        _bot = bot;
        _connector = connector;
        Clock = clock;
    }

    public sealed record Reply(string? Authorization, JsonObject Activity);

    public FakeTimeProvider Clock { get; }

    /// <summary>The bot's services.</summary>
    public IServiceProvider Services => _bot.Services;

    public string BotUrl { get; private set; } = "";

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Every turn the bot ran, with the channel identity and the customer identity it was given.</summary>
    public ConcurrentQueue<(ClaimsIdentity? Channel, ClaimsIdentity? Customer)> Turns { get; } = new();

    public ConcurrentQueue<Reply> Replies { get; } = new();

    public static async Task<AuthenticatedBotHost> StartAsync(FakeOpenIdProvider provider, TestCertificateAuthority ca,
        IDictionary<string, string?>? settings = null, string environment = "Production")
    {
        var connector = await StartConnectorAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var config = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = ClientSecretForTests,
            ["Bot:ToBotFromChannelOpenIdMetadataUrl"] = provider.ChannelMetadataUrl,
            ["Bot:ToBotFromEmulatorOpenIdMetadataUrl"] = provider.EmulatorMetadataUrl,
            ["Bot:ToChannelFromBotLoginUrl"] = provider.LoginUrl,
            ["Bot:AllowedServiceUrlHosts:0"] = "*.botframework.com",
            ["Bot:MaxRetries"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        // The metadata, JWKS and token endpoints are trusted through the test's CA, on this client only.
        builder.Services.AddHttpClient(BotAuthenticationOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(ca.CreateTrustingHandler);
        AuthenticatedBotHost? host = null;
        builder.Services.AddSingleton<IBot>(new EchoBot(turn => host!.Turns.Enqueue(turn)));
        var bot = builder.Build();
        bot.MapBotMessages();
        await bot.StartAsync();
        host = new AuthenticatedBotHost(bot, connector.App, clock)
        {
            BotUrl = Address(bot) + "/api/messages",
            ServiceUrl = Address(connector.App) + "/",
        };
        connector.Attach(host);
        return host;
    }

    /// <summary>A message activity on <paramref name="channelId"/> whose serviceUrl is the fake Connector (or <paramref name="serviceUrl"/>).</summary>
    public JsonObject Message(string text, string channelId = "msteams", string? serviceUrl = null) => new()
    {
        ["type"] = "message",
        ["id"] = "act-" + Guid.NewGuid().ToString("N")[..8],
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl ?? ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId },
        ["conversation"] = new JsonObject { ["id"] = "a:conversation" },
        ["text"] = text,
    };

    /// <summary>Posts <paramref name="activity"/> to <c>/api/messages</c> with <paramref name="authorization"/> as the header (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotUrl) { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await _client.SendAsync(request);
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

    private static async Task<(WebApplication App, Action<AuthenticatedBotHost> Attach)> StartConnectorAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        AuthenticatedBotHost? host = null;
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpContext http) =>
        {
            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
            host!.Replies.Enqueue(new Reply(http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: (int)HttpStatusCode.Created);
        });
        await app.StartAsync();
        return (app, h => host = h);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        await _connector.StopAsync();
        await _connector.DisposeAsync();
    }

    private sealed class EchoBot(Action<(ClaimsIdentity?, ClaimsIdentity?)> record) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            record((ChannelIdentity.Of(turnContext), turnContext.Identity));
            turnContext.SendActivity(turnContext.Activity.CreateReply("echo: " + turnContext.Activity.Text));
            return Task.CompletedTask;
        }
    }
}
