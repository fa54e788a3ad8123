using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Channels.DirectLine;

// The app on a real loopback port (WebSockets and a browser need one), with its own temp SQLite file (or, with storage
// Postgres, a PostgreSQL database of its own) and inventory copy. A second host over the same folder (and the same
// PostgreSQL database) is the same app after a restart, or another instance beside it.
public sealed class DirectLineTestHost : IAsyncDisposable
{
    public const string Secret = "test-directline-secret-0123456789";
    // Program.cs installs Serilog's process-wide bootstrap logger, which each host freezes once while it starts;
    // two hosts starting at the same moment would freeze the same one, so starts take turns.
    private static readonly Lock StartLock = new();
    private readonly WebApplicationFactory<Program> _factory;
    // A folder the host made for itself is deleted when it is disposed; one passed in belongs to the caller.
    private readonly bool _ownsFolder;

    public DirectLineTestHost(string? folder = null, IReadOnlyDictionary<string, string?>? settings = null, bool defaultRateLimits = false,
        TimeProvider? clock = null, string storage = StorageProviders.Sqlite, string? postgres = null,
        Action<IServiceCollection>? configureServices = null)
    {
        Postgres = storage == StorageProviders.Postgres ? postgres ?? PostgresServer.CreateDatabase() : null;
        _ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("closurebot-dl-").FullName;
        var inventory = Path.Combine(Folder, "inventory.json");
        if (!File.Exists(inventory))
            File.Copy(Path.Combine(RepoPaths.Root, "src", "ClosureBot", "Accounts", "demo-inventory.json"), inventory);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:ConnectionString", Postgres ?? $"Data Source={Path.Combine(Folder, "closurebot.db")}");
            if (Postgres is not null) builder.UseSetting("Storage:Provider", StorageProviders.Postgres);
            builder.UseSetting("Inventory:FilePath", inventory);
            builder.UseSetting("Inventory:RecheckInterval", "00:00:00");
            builder.UseSetting("DirectLine:Secret", Secret);
            builder.UseSetting("Urls", "http://127.0.0.1:0");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
            if (!defaultRateLimits)
                foreach (var (key, value) in TestRateLimits.Raised) builder.UseSetting(key, value);
            if (clock is not null)
                builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
            if (configureServices is not null) builder.ConfigureServices(configureServices);
        });
        _factory.UseKestrel();
        lock (StartLock) _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Folder { get; }

    /// <summary>The connection string of the host's PostgreSQL database, or null on SQLite.</summary>
    public string? Postgres { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (_ownsFolder) TempFolder.Delete(Folder);
    }
}
