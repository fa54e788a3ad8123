using System.Diagnostics;
using ClosureBot.Storage.Postgres;

namespace ClosureBot.Storage.Seeding;

/// <summary>
/// <c>dotnet ClosureBot.dll seed --conversations N [--places N] [--Storage:Provider=… --Storage:ConnectionString=…]</c>:
/// clones the conversations and saved places already in the configured store until it holds N more of each, through
/// the store's own schema and connections, and prints the rate and the store's size. Used by the load command to grow a
/// store before measuring; starts no web host.
/// </summary>
public static class SeedCommand
{
    public const string Name = "seed";

    /// <summary>The most rows of each kind one seed writes.</summary>
    public const int MaxRows = 10_000_000;

    public static bool IsInvoked(string[] args) => args is [Name, ..];

    /// <returns>The process exit code: 0 when seeded, 1 with the reason on <paramref name="error"/> (nothing written).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        int? conversations = null, places = null;
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--conversations" or "--places" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n is >= 0 and <= MaxRows:
                    if (args[i] == "--conversations") conversations = n; else places = n;
                    i++;
                    break;
                case "--conversations" or "--places":
                    error.WriteLine($"seed: {args[i]} needs a number from 0 to {MaxRows:N0}; nothing was written.");
                    return 1;
                default:
                    configuration.Add(args[i]);
                    break;
            }
        }
        if (conversations is null)
        {
            error.WriteLine("seed: give --conversations N (and optionally --places N, by default the same); nothing was written.");
            return 1;
        }

        var builder = Host.CreateApplicationBuilder(configuration.ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBotStorage(builder.Configuration);
        var postgres = string.Equals(builder.Configuration["Storage:Provider"], StorageOptions.Postgres, StringComparison.Ordinal);
        if (postgres) builder.Services.AddSingleton<IStoreSeeder, PostgresStoreSeeder>();
        else builder.Services.AddSingleton<IStoreSeeder, SqliteStoreSeeder>();
        await using var services = builder.Services.BuildServiceProvider(validateScopes: true);
        // The store creates or migrates its schema when it is built, as at the app's start.
        services.GetRequiredService<IBotStore>();
        var seeder = services.GetRequiredService<IStoreSeeder>();

        var templates = await seeder.ReadTemplatesAsync(CancellationToken.None);
        var placeCount = places ?? conversations.Value;
        if ((conversations > 0 && templates.Conversations.Count == 0) || (placeCount > 0 && templates.Places.Count == 0))
        {
            error.WriteLine($"seed: the store holds {templates.Conversations.Count} conversation(s) and {templates.Places.Count} saved place(s) to clone; " +
                            "run real turns first (a finished walk and one left half-way); nothing was written.");
            return 1;
        }
        var batch = Guid.NewGuid().ToString("N")[..8];
        var started = Stopwatch.GetTimestamp();
        await seeder.SeedAsync(templates, batch, conversations.Value, placeCount, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var size = await seeder.SizeInBytesAsync(CancellationToken.None);
        var rows = conversations.Value + placeCount;
        output.WriteLine($"seeded {conversations.Value} conversations and {placeCount} saved places into {(postgres ? "PostgreSQL" : "SQLite")} " +
                         $"in {elapsed.TotalSeconds:0.00} s: {rows / Math.Max(elapsed.TotalSeconds, 1e-6):0} rows/s; " +
                         $"store size {size / 1048576.0:0.0} MiB; cloned from {templates.Conversations.Count} conversations " +
                         $"({templates.InProgress} in progress) and {templates.Places.Count} saved places");
        return 0;
    }
}
