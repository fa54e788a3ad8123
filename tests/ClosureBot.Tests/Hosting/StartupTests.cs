using ClosureBot.Cards;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClosureBot.Tests.Hosting;

public class StartupTests
{
    [Fact]
    public async Task BotStartedAlone_CompilesTheRequestPath_AsksItsOwnEndpoint_StoresNothing_AndServesItsFirstCustomer()
    {
        using var folder = new TempFolder("closurebot-startup-");
        await using var bot = await BotChildProcess.StartAsync(folder.Path, new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Override:ClosureBot.Hosting.StartupWarmup"] = "Information",
            // The requests to itself, as the request log reports them.
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!bot.Output.Contains("Turn path warmed in") && DateTime.UtcNow < deadline) await Task.Delay(50);

        // "… request path in 75.2 ms (1512 methods)": the endpoint, authentication, rate limit and the store's read and commit.
        var warmed = System.Text.RegularExpressions.Regex.Match(bot.Output, @"request path in [\d.]+ ms \((\d+) methods\)");
        Assert.True(warmed.Success, bot.Output);
        Assert.True(int.Parse(warmed.Groups[1].Value) > 200, warmed.Value);
        // Then, once the server listened, its own messaging endpoint was asked twice with an activity it refuses (400), which
        // no warning reports.
        Assert.Matches(@"requests to itself in [\d.]+ ms \(""?400""?\)", bot.Output);
        Assert.DoesNotContain("Refused an activity", bot.Output);
        Assert.DoesNotContain("own messaging endpoint failed", bot.Output);
        // Only compiled, never run: the database holds nothing of it.
        var database = Path.Combine(folder.Path, "closurebot.db");
        foreach (var table in StoredTables) Assert.Equal(0L, Rows(database, table));

        var customer = bot.WebChat();
        var first = await customer.Send("I want to close my account");

        Assert.NotEmpty(first.Texts);
        Assert.Equal(1L, Rows(database, "conversations"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(bot.Output, @"""POST"" ""/api/messages"" responded 400"));
    }

    [Fact]
    public async Task BotStartedAloneWithChannelAuthentication_AsksItsOwnEndpoint_BeforeAnyTokenIsChecked()
    {
        using var folder = new TempFolder("closurebot-startup-auth-");
        var nowhere = $"http://127.0.0.1:{LoopbackPort.Free()}/nothing-listens-here";
        await using var bot = await BotChildProcess.StartAsync(folder.Path, new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Override:ClosureBot.Hosting.StartupWarmup"] = "Information",
            ["Bot:MicrosoftAppId"] = "9c1e4b7a-2d3f-4a5b-8c6d-7e8f9a0b1c2d",
            ["Bot:MicrosoftAppPassword"] = $"secret-{Guid.NewGuid():N}",
            // A token check would fetch the signing keys from here and fail loudly: the warm-up's request never gets that far.
            ["Bot:ToBotFromChannelOpenIdMetadataUrl"] = nowhere,
            ["Bot:ToBotFromEmulatorOpenIdMetadataUrl"] = nowhere,
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!bot.Output.Contains("Turn path warmed in") && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Matches(@"requests to itself in [\d.]+ ms \(""?400""?\)", bot.Output);
        Assert.DoesNotContain("Refused an activity", bot.Output);
        // A token check would log the authenticator's error; the start-up's own fetch of the keys (SigningKeyPrefetch)
        // fails here by design, and says so in its own words.
        Assert.DoesNotContain("The OpenID signing keys could not be fetched", bot.Output);
        Assert.Contains("The channel's signing keys could not be fetched at start-up", bot.Output);
        var database = Path.Combine(folder.Path, "closurebot.db");
        foreach (var table in StoredTables) Assert.Equal(0L, Rows(database, table));
    }

    // What a warm-up must never write: conversations, replies, saved places, closure requests, audit events.
    private static readonly string[] StoredTables = ["conversations", "outbox", "user_progress", "closure_requests", "audit_events"];

    private static long Rows(string databasePath, string table) =>
        long.Parse(DatabaseProbe.Strings(databasePath, $"SELECT COUNT(*) FROM {table}").Single(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TurnPathWarmer_Warm_BuildsEveryCardInEveryLanguageAndStoresNothing()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient(); // starts the app, so its store exists
        var warmer = app.Services.GetRequiredService<TurnPathWarmer>();

        var built = warmer.Warm();

        Assert.Equal(9 * ClosureBot.Localization.Locales.Supported.Count, built);
        foreach (var table in StoredTables) Assert.Equal(0L, Rows(app.DatabasePath, table));
    }

    [Fact]
    public async Task MessageTurnWarmer_WarmAsync_WalksWhatACustomerSeesInEveryLanguageAndStoresNothing()
    {
        await using var app = new BotApplicationFactory();
        var http = app.CreateClient(); // starts the app, so its store exists
        var warmer = app.Services.GetRequiredService<MessageTurnWarmer>();

        var walked = await warmer.WarmAsync(CancellationToken.None);

        // Nothing reached the database: no conversation, reply, saved place, request or audit event.
        foreach (var table in StoredTables) Assert.Equal(0L, Rows(app.DatabasePath, table));

        // Each turn of the walk got the replies a customer gets who says the same in a real conversation.
        var turn = 0;
        foreach (var (language, _) in ClosureBot.Localization.Locales.Supported)
        {
            var customer = ConversationClient.FromPayload(http, "webchat-message.json", BotApplicationFactory.NewId("dl_"), BotApplicationFactory.NewId("warm-"));
            foreach (var text in MessageTurnWarmer.Walks[language])
            {
                var message = customer.Message(text, null);
                message["locale"] = language;
                var real = await customer.Deliver(message);
                var warm = walked[turn++].Select(a => a.Text).OfType<string>().ToList();
                Assert.NotEmpty(warm);
                Assert.Equal(real.Texts, warm);
            }
        }
        Assert.Equal(turn, walked.Count);
    }

    // The walk warms what a turn from a Connector channel runs (Teams, Azure's Web Chat): those keep the transcript lines
    // a handoff needs, where the embedded Web Chat's turns, whose transcript the bot reads back, keep none.
    [Fact]
    public async Task MessageTurnWarmer_WalksTurnsAsAConnectorChannelSendsThem_WhichKeepTranscriptLines()
    {
        await using var app = new BotApplicationFactory();
        var handoff = app.Services.GetRequiredService<ClosureBot.Handoff.HandoffConversations>();

        foreach (var (language, texts) in MessageTurnWarmer.Walks)
        {
            var activity = MessageTurnWarmer.WalkActivity(language, "closurebot-warm-up-" + language, 1, texts[0]);
            var recent = handoff.Record(new ClosureBot.Protocol.Turns.TurnContext(activity), null);

            Assert.NotNull(activity.ServiceUrl);
            Assert.Equal(texts[0], Assert.Single(recent!.Lines).Text);
        }
    }

    [Fact]
    public void RuntimeConfig_OfTheBuiltApp_KeepsWorkstationBackgroundGcAndNoIdleSpinning()
    {
        // The runtime settings the load figures were measured with (README, Load test): without background GC the warm-up's
        // generation 0 grew to 62 MB committed and set the peak RSS.
        var path = Path.Combine(AppContext.BaseDirectory, "ClosureBot.runtimeconfig.json");
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }

    [Fact]
    public void RuntimeConfig_OfTheBuiltApp_LimitsEveryHeapOfTheGc()
    {
        // A limit on the small-object heap is what keeps generation 0's budget from following the host's L3 cache (52 MiB
        // on a 105 MiB L3); the runtime accepts per-heap limits only with both the small- and the large-object heap's set.
        var path = Path.Combine(AppContext.BaseDirectory, "ClosureBot.runtimeconfig.json");
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(128L << 20, properties.GetProperty("System.GC.HeapHardLimitSOH").GetInt64());
        Assert.Equal(1L << 30, properties.GetProperty("System.GC.HeapHardLimitLOH").GetInt64());
        Assert.Equal(256L << 20, properties.GetProperty("System.GC.HeapHardLimitPOH").GetInt64());
        Assert.False(properties.TryGetProperty("System.GC.HeapHardLimit", out _), "a total limit is ignored beside per-heap limits");
    }

    [Fact]
    public async Task Configuration_ByDefault_IsNotWatchedForChanges()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient();

        var sources = ((IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>()).Providers
            .OfType<JsonConfigurationProvider>().Select(p => p.Source).ToList();

        Assert.NotEmpty(sources); // appsettings.json at least
        Assert.All(sources, source => Assert.False(source.ReloadOnChange, $"{source.Path} is watched"));
    }

    [Fact]
    public void Start_WithABrokenCardTemplate_StopsNamingTheFile()
    {
        // The cards are read beside the building of the pipeline; their error must still stop the start.
        var cards = Directory.CreateTempSubdirectory("closurebot-cards-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(cards, "broken-card.json"), """{"type":"AdaptiveCard" """);
            using var factory = new BotApplicationFactory();
            using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(services =>
                services.Replace(ServiceDescriptor.Singleton(_ => CardCatalog.Load(cards)))));

            var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

            Assert.IsType<CardTemplateException>(error);
            Assert.Contains("broken-card.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(cards, recursive: true);
        }
    }

    [Theory]
    [InlineData(StorageProviders.Sqlite)]
    [InlineData(StorageProviders.Postgres)]
    public void Start_ReadsOrMakesTheDirectLineTokenKey_BeforeAnyRequest(string storage)
    {
        // The key is read (made, in a new database) with a synchronous read, which must not wait on a customer's request.
        using var app = new BotApplicationFactory(storage: storage);

        _ = app.Services; // starts the app; no request is made

        Assert.Equal(["token-signing-key"], DatabaseProbe.Strings(app, "SELECT name FROM directline_settings"));
    }
}
