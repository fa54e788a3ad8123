using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ClosureBot.Storage;

/// <summary>
/// What the store's single writer does, for <c>dotnet-counters monitor --counters ClosureBot.Storage</c>: how many writes
/// each group commit carries, how long a batch takes from its first statement to its durable commit, and the time the
/// writer is busy in all (its rate is the share of time the writer works: near 1 s a second, the writer is the limit).
/// Recorded once a batch, by whichever store's writer runs (SQLite or PostgreSQL), tagged with the provider.
/// </summary>
internal static class WriterMetrics
{
    public const string MeterName = "ClosureBot.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "closurebot.store.batch.size", "{write}", "Writes (turns and outbox bookkeeping) in one group commit");

    private static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>(
        "closurebot.store.batch.duration", "ms", "From a batch's first statement to its durable commit");

    private static readonly Counter<double> Busy = Meter.CreateCounter<double>(
        "closurebot.store.writer.busy", "s", "Time the single writer spent writing batches");

    /// <summary>Records one batch of <paramref name="writes"/> that started at <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static void Batch(string provider, int writes, long startedAt)
    {
        // Nothing to measure while no listener (dotnet-counters, a MeterListener) is attached.
        if (!(BatchSize.Enabled || BatchDuration.Enabled || Busy.Enabled)) return;
        var elapsed = Stopwatch.GetElapsedTime(startedAt);
        var tag = new KeyValuePair<string, object?>("db.system.name", provider);
        BatchSize.Record(writes, tag);
        BatchDuration.Record(elapsed.TotalMilliseconds, tag);
        Busy.Add(elapsed.TotalSeconds, tag);
    }
}
