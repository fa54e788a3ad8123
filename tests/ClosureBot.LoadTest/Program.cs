using System.Net;
using ClosureBot.LoadTest;

// Before any socket opens: the runtime reads the switch then.
GeneratorSockets.InlineCompletions();

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

using var stop = LoadStop.Listen();
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
if (!options.Start)
{
    LoadRun.PrintHeader();
    if (options.LeaveHalfway > 0 && await LoadRun.LeaveHalfwayAsync([options.Url!], options.LeaveHalfway, options.Customers.Max(), options) is { } halfWayError
        && !LoadStop.Requested)
    {
        Console.Error.WriteLine($"Leaving conversations half-way failed: {halfWayError}");
        return 1;
    }
    var anyFailed = false;
    foreach (var customers in options.Customers)
    {
        var row = await LoadRun.RunAsync(options.Url!, options.Pid, customers, options);
        if (LoadStop.Requested) return LoadStop.Stopped();
        LoadRun.Print(row);
        anyFailed |= row.Errors > 0 || row.Latencies.Count == 0;
    }
    return anyFailed ? 1 : 0;
}

// Every turn of ClosureBot's carries a channel token it checks, as a deployed bot does (unless --no-channel-auth).
await using var channel = options.ChannelAuth ? await ChannelTokenIssuer.StartAsync() : null;
if (channel is not null) options = options.WithChannel(channel);
Console.WriteLine(channel is null
    ? "ClosureBot checks no channel token (--no-channel-auth: local-development mode)"
    : $"ClosureBot checks a channel token on every turn (RS256, keys from a local stand-in at {channel.MetadataUrl}); the SDK peer and the bare floor check none");

var botDll = options.BotDll ?? DefaultBotDll();
var peerDir = Path.Combine(Repository.Root(), "tests", "ClosureBot.LoadTest", "peer");
if (options.Peer) PeerProcess.EnsureInstalled(peerDir);
var targets = LoadTarget.For(options);
var runner = new TargetRunner(http, options, botDll, peerDir, FloorProcess.DllIn(Repository.Root()));

// A signal (LoadStop) ends the row under way; the disposals on the way out stop what was started and remove its files.
try
{
    if (options.ColdStart)
    {
        var limit = TimeSpan.FromSeconds(60);
        await using (var store = LoadStore.Sqlite())
            PrintColdStart("ours SQLite", await ColdStart.MeasureAsync(http,
                async () => await BotProcess.StartAsync(botDll, store, options.BotArgs, http, options.BotEnvironment, waitUntilHealthy: false), limit,
                options.ChannelToken));
        if (options.Peer)
            PrintColdStart(LoadTarget.PeerLabel, await ColdStart.MeasureAsync(http,
                async () => await PeerProcess.StartAsync(peerDir, BotProcess.ContentRootOf(botDll), http, waitUntilHealthy: false), limit));
    }

    if (options.FirstTurns)
    {
        var limit = TimeSpan.FromSeconds(60);
        await using var store = LoadStore.Sqlite();
        var runs = await FirstTurns.MeasureAsync(http,
            () => BotProcess.StartAsync(botDll, store, [.. options.BotArgs, FirstTurns.WarmupLogArgument], http, options.BotEnvironment, waitUntilHealthy: false),
            limit, options.ChannelToken);
        Print($"First turns after the start-up warm-up, with no request before them ({FirstTurns.Starts} starts, each language going first in " +
              $"{FirstTurns.Starts / FirstTurns.Languages.Count}; {FirstTurns.CustomersPerLanguage} customers a language, each in a new conversation; " +
              "medians over the starts):", FirstTurns.Summarize(runs));
    }

    var labelled = targets.Count > 1 || options.SeedConversations > 0;
    if (options.Rounds == 1) LoadRun.PrintHeader(labelled); // with rounds, each round prints its own
    var failed = false;
    foreach (var customers in options.Customers)
    {
        var sideBySideRounds = new List<IReadOnlyList<RowResult>>();
        var emptyVsSeededRounds = new List<IReadOnlyList<(RowResult Empty, RowResult Seeded)>>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var ofRound = options.Rounds > 1 ? $", round {round} of {options.Rounds}" : "";
            if (options.Rounds > 1)
            {
                Console.WriteLine();
                Console.WriteLine($"Round {round} of {options.Rounds}, {customers} customers:");
                LoadRun.PrintHeader(labelled);
            }
            var measured = await LoadRun.MeasureRoundAsync(targets.Count, round, async index =>
            {
                LoadStop.ThrowIfRequested();
                var target = targets[index];
                // The peer keeps its state in memory, and the floor's store holds no conversations of ClosureBot's: only
                // ClosureBot's stores are seeded.
                var seeded = options.SeedConversations > 0 && target.IsOurs;
                RowResult? empty = null;
                if (seeded && options.CompareEmpty)
                {
                    empty = await runner.MeasureAsync(target, customers, seeded: false, target.Label + " (empty)");
                    LoadStop.ThrowIfRequested();
                    LoadRun.Print(empty, labelled);
                    failed |= empty.Errors > 0 || empty.Latencies.Count == 0;
                }
                var row = await runner.MeasureAsync(target, customers, seeded, target.Label);
                // A row cut short by a signal has no figures worth printing.
                LoadStop.ThrowIfRequested();
                LoadRun.Print(row, labelled);
                failed |= row.Errors > 0 || row.Latencies.Count == 0;
                return (Row: row, Empty: empty);
            });
            var sideBySide = measured.Select(m => m.Row).ToList();
            var emptyVsSeeded = measured.Where(m => m.Empty is not null).Select(m => (m.Empty! with { Label = m.Row.Label }, m.Row)).ToList();
            if (sideBySide.Count > 1) Print($"Side by side, {customers} customers{ofRound}:", ComparisonTable.SideBySide(sideBySide));
            if (emptyVsSeeded.Count > 0) Print($"Empty against seeded, {customers} customers{ofRound}:", ComparisonTable.EmptyVsSeeded(emptyVsSeeded, options.SeedConversations));
            sideBySideRounds.Add(sideBySide);
            emptyVsSeededRounds.Add(emptyVsSeeded);
        }
        if (options.Rounds == 1) continue;
        const string Paired = "ratios taken within each round, lowest–highest in brackets";
        // One target measured empty and seeded has its medians in the second table; otherwise the first has them.
        if (targets.Count > 1 || emptyVsSeededRounds[0].Count == 0)
            Print($"Side by side, {customers} customers, medians of {options.Rounds} rounds ({Paired}):", ComparisonTable.SideBySideMedians(sideBySideRounds));
        if (emptyVsSeededRounds[0].Count > 0)
            Print($"Empty against seeded, {customers} customers, medians of {options.Rounds} rounds ({Paired}):",
                ComparisonTable.EmptyVsSeededMedians(emptyVsSeededRounds, options.SeedConversations));
    }
    return failed ? 1 : 0;
}
catch (OperationCanceledException) when (LoadStop.Requested)
{
    return LoadStop.Stopped();
}

static void Print(string title, IReadOnlyList<string> lines)
{
    Console.WriteLine();
    Console.WriteLine(title);
    foreach (var line in lines) Console.WriteLine(line);
}

static void PrintColdStart(string label, IReadOnlyList<double> milliseconds) =>
    Console.WriteLine($"cold start {label}: median {ColdStart.Median(milliseconds):0} ms to the first reply " +
                      $"({string.Join(", ", milliseconds.Select(m => m.ToString("0")))} ms over {milliseconds.Count} starts)");

static string DefaultBotDll() => Path.Combine(Repository.Root(), "src", "ClosureBot", "bin", "Release", "net10.0", "ClosureBot.dll");
