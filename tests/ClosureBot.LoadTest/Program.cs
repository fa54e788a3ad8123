using System.Net;
using ClosureBot.LoadTest;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler
{
    UseProxy = false,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
    MaxConnectionsPerServer = options.Customers.Max() + 4,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
})
{
    Timeout = Timeout.InfiniteTimeSpan, // each turn has its own timeout
};

Console.WriteLine($"ClosureBot load: {Customer.CanonicalSequence.Length}-turn closure walks, expectReplies, " +
                  $"{options.WarmupSeconds} s warm-up + {options.DurationSeconds} s measured per row, {Environment.ProcessorCount} cores");
LoadRun.PrintHeader();
var failed = false;
foreach (var customers in options.Customers)
{
    RowResult row;
    if (options.Start)
    {
        await using var bot = await BotProcess.StartAsync(options.BotDll ?? DefaultBotDll(), options.BotArgs, http);
        row = await LoadRun.RunAsync(http, bot.Url, bot.Pid, customers, options);
    }
    else
    {
        row = await LoadRun.RunAsync(http, options.Url!, options.Pid, customers, options);
    }
    LoadRun.Print(row);
    failed |= row.Errors > 0 || row.Latencies.Count == 0;
}
return failed ? 1 : 0;

static string DefaultBotDll()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ClosureBot.sln")))
            return Path.Combine(dir.FullName, "src", "ClosureBot", "bin", "Release", "net10.0", "ClosureBot.dll");
    throw new InvalidOperationException("Cannot find the repository root (ClosureBot.sln); pass --bot-dll.");
}
