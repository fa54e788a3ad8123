using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>The figures of one row.</summary>
public sealed record RowResult(int Customers, LatencyHistogram Latencies, TimeSpan Measured, long Errors, string? FirstError,
    long? PeakRssKiB, long? HighWaterMarkKiB, TimeSpan? BotCpu, TimeSpan GeneratorCpu);

/// <summary>Runs N customers against one bot for warm-up plus duration and gathers their figures.</summary>
public static class LoadRun
{
    public static async Task<RowResult> RunAsync(HttpClient http, Uri botUrl, int? pid, int customers, LoadOptions options)
    {
        var clock = new LoadClock(TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.DurationSeconds));
        var messages = new Uri(botUrl, "/api/messages");
        // A run id keeps user ids unique across runs against a long-lived bot, so no saved progress from an
        // earlier run turns a first turn into a "resume where you left off?" question.
        var runId = Guid.NewGuid().ToString("N")[..8];
        var all = Enumerable.Range(1, customers)
            .Select(i => new Customer(http, messages, $"load-{runId}-{i}", options.Start ? BotProcess.AccountOf(i) : "ACME", clock,
                TimeSpan.FromSeconds(options.TimeoutSeconds)))
            .ToArray();

        await using var memory = pid is { } p ? new MemorySampler(p) : null;
        var tasks = all.Select(c => Task.Run(c.RunAsync)).ToArray();
        await Task.Delay(clock.UntilMeasuring);
        var botCpuBefore = memory?.CpuTime;
        var generatorCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        // The peak includes start-up and warm-up: it is what the host must provision for.
        var hardStop = TimeSpan.FromSeconds(options.WarmupSeconds + options.DurationSeconds + options.TimeoutSeconds + 5);
        await Task.WhenAll(tasks).WaitAsync(hardStop);
        var botCpu = memory?.CpuTime - botCpuBefore;
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime - generatorCpuBefore;

        var latencies = new LatencyHistogram();
        foreach (var customer in all) latencies.Add(customer.Latencies);
        return new RowResult(customers, latencies, clock.Duration, all.Sum(c => c.Errors), all.Select(c => c.FirstError).FirstOrDefault(e => e is not null),
            memory?.PeakRssKiB, memory?.HighWaterMarkKiB, botCpu, generatorCpu);
    }

    public static void PrintHeader() =>
        Console.WriteLine($"{"customers",9} {"turns",9} {"turns/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7} {"peak RSS MiB",13} {"VmHWM MiB",10} {"bot CPU µs/turn",16} {"gen CPU µs/turn",16}");

    public static void Print(RowResult row)
    {
        static string Ms(long us) => (us / 1000.0).ToString("0.00");
        static string MiB(long? kib) => kib is { } k ? (k / 1024.0).ToString("0.0") : "n/a";
        var h = row.Latencies;
        string PerTurn(TimeSpan? cpu) => cpu is { } c && h.Count > 0 ? (c.TotalMicroseconds / h.Count).ToString("0") : "n/a";
        Console.WriteLine($"{row.Customers,9} {h.Count,9} {h.Count / row.Measured.TotalSeconds,9:0} {Ms(h.Percentile(0.50)),8} {Ms(h.Percentile(0.90)),8} " +
                          $"{Ms(h.Percentile(0.99)),8} {Ms(h.MaxMicroseconds),8} {row.Errors,7} {MiB(row.PeakRssKiB),13} {MiB(row.HighWaterMarkKiB),10} {PerTurn(row.BotCpu),16} {PerTurn(row.GeneratorCpu),16}");
        if (row.FirstError is { } error) Console.WriteLine($"          first error: {error}");
    }
}
