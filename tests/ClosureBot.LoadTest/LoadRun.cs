using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>
/// The figures of one row; <paramref name="Label"/> names what was measured when a run has several targets, and
/// <paramref name="MachineBusy"/> is the share of the machine's CPU time that was busy while it was measured (<see cref="MachineCpu"/>).
/// </summary>
public sealed record RowResult(int Customers, LatencyHistogram Latencies, TimeSpan Measured, long Errors, string? FirstError,
    long? PeakRssKiB, long? HighWaterMarkKiB, TimeSpan? BotCpu, TimeSpan GeneratorCpu, string Label = "", double? MachineBusy = null)
{
    public double TurnsPerSecond => Latencies.Count / Measured.TotalSeconds;

    /// <summary>The bot's CPU time per measured turn, in µs (all its instances together).</summary>
    public double? BotCpuMicrosecondsPerTurn => BotCpu is { } c && Latencies.Count > 0 ? c.TotalMicroseconds / Latencies.Count : null;
}

/// <summary>Runs N customers against one bot (or several instances of it) for warm-up plus duration and gathers their figures.</summary>
public static class LoadRun
{
    public static Task<RowResult> RunAsync(Uri botUrl, int? pid, int customers, LoadOptions options) =>
        RunAsync([botUrl], pid is { } p ? [p] : [], customers, options);

    /// <param name="pids">The processes whose memory and CPU are sampled and summed; empty when unknown.</param>
    /// <param name="bearer">The channel token every turn carries, or null for none.</param>
    public static async Task<RowResult> RunAsync(IReadOnlyList<Uri> botUrls, IReadOnlyList<int> pids, int customers, LoadOptions options,
        string label = "", string? bearer = null)
    {
        var clock = new LoadClock(TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.DurationSeconds));
        var messages = botUrls.Select(u => new Uri(u, "/api/messages")).ToArray();
        // A run id keeps user ids unique across runs against a long-lived bot, so no saved progress from an
        // earlier run turns a first turn into a "resume where you left off?" question.
        var runId = Guid.NewGuid().ToString("N")[..8];
        var connections = Enumerable.Range(1, customers).Select(_ => TurnConnection.To(messages, bearer)).ToArray();
        var all = Enumerable.Range(1, customers)
            .Select(i => new Customer(connections[i - 1], i, $"load-{runId}-{i}", options.Start ? BotProcess.AccountOf(i) : "ACME", clock,
                TimeSpan.FromSeconds(options.TimeoutSeconds)))
            .ToArray();

        await using var memory = pids.Count > 0 ? new MemorySampler(pids) : null;
        var tasks = all.Select(c => Task.Run(c.RunAsync)).ToArray();
        await LoadStop.DelayAsync(clock.UntilMeasuring);
        var botCpuBefore = memory?.CpuTime;
        var generatorCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var machineBefore = MachineCpu.Sample();
        // The peak includes start-up and warm-up: it is what the host must provision for.
        var hardStop = TimeSpan.FromSeconds(options.WarmupSeconds + options.DurationSeconds + options.TimeoutSeconds + 5);
        // The machine's share is taken at the end of the measured window itself, not after the customers' last turns drain.
        await LoadStop.DelayAsync(clock.UntilOver);
        var machineBusy = MachineCpu.BusyShare(machineBefore, MachineCpu.Sample());
        await Task.WhenAll(tasks).WaitAsync(hardStop);
        var botCpu = memory?.CpuTime - botCpuBefore;
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime - generatorCpuBefore;

        foreach (var set in connections) TurnConnection.DisposeAll(set);

        var latencies = new LatencyHistogram();
        foreach (var customer in all) latencies.Add(customer.Latencies);
        return new RowResult(customers, latencies, clock.Duration, all.Sum(c => c.Errors), all.Select(c => c.FirstError).FirstOrDefault(e => e is not null),
            memory?.PeakRssKiB, memory?.HighWaterMarkKiB, botCpu, generatorCpu, label, machineBusy);
    }

    /// <summary>
    /// Before a row is measured: <paramref name="count"/> customers (distinct users, accounts LOAD0001… round-robin) each
    /// walk the first <see cref="Customer.HalfWay"/> turns of a conversation and leave it in progress, <paramref name="parallel"/>
    /// at a time. Returns the first error, or null.
    /// </summary>
    public static async Task<string?> LeaveHalfwayAsync(IReadOnlyList<Uri> botUrls, int count, int parallel, LoadOptions options,
        string? bearer = null)
    {
        var messages = botUrls.Select(u => new Uri(u, "/api/messages")).ToArray();
        var runId = Guid.NewGuid().ToString("N")[..8];
        var clock = new LoadClock(TimeSpan.Zero, TimeSpan.FromDays(1));
        var next = 0;
        string? firstError = null;
        async Task WalkerAsync(int lane)
        {
            // One lane's walks follow one another, so they share its connections.
            var connections = TurnConnection.To(messages, bearer);
            try
            {
                int i;
                while (!LoadStop.Requested && (i = Interlocked.Increment(ref next)) <= count)
                {
                    var account = options.Start ? BotProcess.AccountOf((i - 1) % BotProcess.MaxCustomers + 1) : "ACME";
                    var customer = new Customer(connections, i, $"half-{runId}-{i}", account, clock, TimeSpan.FromSeconds(options.TimeoutSeconds));
                    if (await customer.WalkAsync($"half-{runId}-{i}-walk", Customer.HalfWay) is { } error) Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
            finally
            {
                TurnConnection.DisposeAll(connections);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, parallel)).Select(lane => Task.Run(() => WalkerAsync(lane))));
        return firstError;
    }

    /// <summary>
    /// The order the targets run in round <paramref name="round"/> (from 1), as indexes into their list: each round starts
    /// one target later than the one before, so that over as many rounds as there are targets each runs first once, and
    /// a target that is slowed by what ran just before it (the disk still writing the last run's pages, a process still
    /// exiting) is not always the same one. Round 1 keeps the list's order.
    /// </summary>
    public static IReadOnlyList<int> OrderOfRound(int targets, int round) =>
        [.. Enumerable.Range(0, targets).Select(i => (i + round - 1) % targets)];

    /// <summary>
    /// Measures each of <paramref name="targets"/> targets once, one after another in round <paramref name="round"/>'s
    /// order (<see cref="OrderOfRound"/>), and returns what each gave in the targets' own order, which the tables read.
    /// </summary>
    public static async Task<IReadOnlyList<TResult>> MeasureRoundAsync<TResult>(int targets, int round, Func<int, Task<TResult>> measure)
    {
        var results = new TResult[targets];
        foreach (var index in OrderOfRound(targets, round)) results[index] = await measure(index);
        return results;
    }

    public static void PrintHeader(bool labelled = false) => Console.WriteLine(Header(labelled));

    public static void Print(RowResult row, bool labelled = false)
    {
        Console.WriteLine(Line(row, labelled));
        if (row.FirstError is { } error) Console.WriteLine($"          first error: {error}");
    }

    /// <summary>The table's header; <see cref="Line"/>'s columns line up under it.</summary>
    public static string Header(bool labelled = false) =>
        (labelled ? $"{"target",-24} " : "") +
        $"{"customers",9} {"turns",9} {"turns/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7} {"peak RSS MiB",13} {"VmHWM MiB",10} {"bot CPU µs/turn",16} {"gen CPU µs/turn",16} {"machine busy",13}";

    /// <summary>One row's figures under <see cref="Header"/>; <c>n/a</c> for a figure not measured.</summary>
    public static string Line(RowResult row, bool labelled = false)
    {
        static string Ms(long us) => (us / 1000.0).ToString("0.00", Invariant);
        static string Busy(double? share) => share is { } s ? s.ToString("0 %", Invariant) : "n/a";
        static string MiB(long? kib) => kib is { } k ? (k / 1024.0).ToString("0.0", Invariant) : "n/a";
        var h = row.Latencies;
        string PerTurn(TimeSpan? cpu) => cpu is { } c && h.Count > 0 ? (c.TotalMicroseconds / h.Count).ToString("0", Invariant) : "n/a";
        return (labelled ? $"{row.Label,-24} " : "") + string.Create(Invariant,
            $"{row.Customers,9} {h.Count,9} {h.Count / row.Measured.TotalSeconds,9:0} {Ms(h.Percentile(0.50)),8} {Ms(h.Percentile(0.90)),8} " +
            $"{Ms(h.Percentile(0.99)),8} {Ms(h.MaxMicroseconds),8} {row.Errors,7} {MiB(row.PeakRssKiB),13} {MiB(row.HighWaterMarkKiB),10} {PerTurn(row.BotCpu),16} {PerTurn(row.GeneratorCpu),16} {Busy(row.MachineBusy),13}");
    }

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;
}
