using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Cards;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ClosureBot.Tests.Support;

/// <summary>
/// The real app over an in-memory server, with its own SQLite file and its own copy of the demo inventory
/// (so a test can edit the inventory to "delete" resources). A second factory built with <see cref="SharingStorageWith"/>
/// is another app instance on the same database and inventory, as after a restart or behind a load balancer. With
/// <c>storage: "Postgres"</c> the app runs on a PostgreSQL database of its own (see <see cref="PostgresServer"/>) instead.
/// </summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "admin-key-for-tests-7c41";

    /// <summary>The day the fake clock starts at: references read CLS-20261112-…, the final invoice comes after 30 November 2026.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 12, 9, 30, 0, TimeSpan.Zero);

    private readonly bool _ownsFolder;
    private readonly bool _defaultRateLimits;
    private readonly string? _postgres;
    private readonly Dictionary<string, string?> _settings = new();
    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="defaultRateLimits">Run with the configured rate limits instead of <see cref="TestRateLimits.Raised"/>.</param>
    /// <param name="storage">The storage provider: <c>Sqlite</c> (a file in <see cref="Folder"/>) or <c>Postgres</c> (a new database).</param>
    /// <param name="testServices">Applied after the app's own registrations (e.g. an HTTP client that trusts a test CA).</param>
    public BotApplicationFactory(bool fakeClock = true, IDictionary<string, string?>? settings = null, bool defaultRateLimits = false,
        string storage = StorageProviders.Sqlite, Action<IServiceCollection>? testServices = null)
    {
        _defaultRateLimits = defaultRateLimits;
        _testServices = testServices;
        Storage = storage;
        if (storage == StorageProviders.Postgres) _postgres = PostgresServer.CreateDatabase();
        Folder = Directory.CreateTempSubdirectory("closurebot-tests-").FullName;
        _ownsFolder = true;
        File.Copy(Path.Combine(RepoPaths.Root, "src", "ClosureBot", "Accounts", "demo-inventory.json"), InventoryPath);
        Clock = fakeClock ? new FakeTimeProvider(Start) : null;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    private BotApplicationFactory(BotApplicationFactory other)
    {
        Folder = other.Folder;
        Clock = other.Clock;
        Storage = other.Storage;
        _postgres = other._postgres;
        _defaultRateLimits = other._defaultRateLimits;
        _testServices = other._testServices;
        foreach (var (key, value) in other._settings) _settings[key] = value;
    }

    /// <summary>Another app instance on this one's database, inventory and clock.</summary>
    public BotApplicationFactory SharingStorageWith() => new(this);

    public string Folder { get; }

    /// <summary>The storage provider the app runs on.</summary>
    public string Storage { get; }

    /// <summary>The PostgreSQL connection string of the app's database, or null on SQLite.</summary>
    public string? PostgresConnectionString => _postgres;

    public string DatabasePath => Path.Combine(Folder, "closurebot.db");

    public string InventoryPath => Path.Combine(Folder, "inventory.json");

    /// <summary>The app's clock, or null when the app runs on the system clock.</summary>
    public FakeTimeProvider? Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_postgres is null) builder.UseSetting("Storage:ConnectionString", $"Data Source={DatabasePath}");
        else
        {
            builder.UseSetting("Storage:Provider", StorageProviders.Postgres);
            builder.UseSetting("Storage:ConnectionString", _postgres);
        }
        builder.UseSetting("Inventory:FilePath", InventoryPath);
        // Tests edit the file and look at once (KeepInInventory); production looks at most once a second.
        builder.UseSetting("Inventory:RecheckInterval", "00:00:00");
        builder.UseSetting("Admin:ApiKey", AdminKey);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (!_defaultRateLimits)
            foreach (var (key, value) in TestRateLimits.Raised) builder.UseSetting(key, value);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (Clock is { } clock)
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        if (_testServices is { } testServices) builder.ConfigureTestServices(testServices);
    }

    /// <summary>A Web Chat conversation of a new user.</summary>
    public ConversationClient WebChat(string? userId = null) =>
        ConversationClient.FromPayload(CreateClient(), "webchat-message.json", userId ?? NewId("dl_"), NewId("conv-"));

    /// <summary>A personal Teams chat of a new user.</summary>
    public ConversationClient Teams(string? userId = null) =>
        ConversationClient.FromPayload(CreateClient(), "teams-message.json", userId ?? NewId("29:"), NewId("a:"));

    /// <summary><c>GET /admin/closure-requests</c> with the admin key.</summary>
    public async Task<JsonArray> ClosureRequestsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/closure-requests");
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    /// <summary>Rewrites the account's servers and services in the inventory file, as if the customer deleted the rest.</summary>
    public void KeepInInventory(string alias, Func<JsonObject, bool>? keepServer = null, Func<JsonObject, bool>? keepService = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(InventoryPath))!.AsObject();
        var account = root["accounts"]!.AsArray().Single(a => (string?)a!["alias"] == alias)!.AsObject();
        if (keepServer is not null)
            account["servers"] = new JsonArray(account["servers"]!.AsArray().Where(s => keepServer(s!.AsObject())).Select(s => s!.DeepClone()).ToArray());
        if (keepService is not null)
            account["services"] = new JsonArray(account["services"]!.AsArray().Where(s => keepService(s!.AsObject())).Select(s => s!.DeepClone()).ToArray());
        File.WriteAllText(InventoryPath, root.ToJsonString());
        // The inventory re-reads the file when its time stamp or size changes; make sure the time stamp moves.
        File.SetLastWriteTimeUtc(InventoryPath, File.GetLastWriteTimeUtc(InventoryPath).AddSeconds(1));
    }

    public void RemoveFromInventory(string alias)
    {
        var root = JsonNode.Parse(File.ReadAllText(InventoryPath))!.AsObject();
        var accounts = root["accounts"]!.AsArray();
        accounts.Remove(accounts.Single(a => (string?)a!["alias"] == alias));
        File.WriteAllText(InventoryPath, root.ToJsonString());
        File.SetLastWriteTimeUtc(InventoryPath, File.GetLastWriteTimeUtc(InventoryPath).AddSeconds(1));
    }

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsFolder)
        {
            TempFolder.Delete(Folder);
            if (_postgres is not null) PostgresServer.DropDatabase(_postgres);
        }
    }
}
