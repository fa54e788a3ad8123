using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ClosureBot.Storage;

/// <summary>
/// What the store's single writer does, for <c>dotnet-counters monitor --counters ClosureBot.Storage</c>: how many writes
/// each group commit carries, how long a batch takes from its first statement to its durable commit, and the time the
/// writer is busy in all (its rate is the share of time the writer works: near 1 s a second, the writer is the limit).
/// Recorded once a batch by whichever store's writer runs (SQLite or PostgreSQL), tagged with the provider. The meter
/// comes from the app's <see cref="IMeterFactory"/>, so each app (a test host among several) has its own.
/// </summary>
public sealed class WriterMetrics
{
    public const string MeterName = "ClosureBot.Storage";

    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<double> _busy;

    public WriterMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _batchSize = meter.CreateHistogram<int>("closurebot.store.batch.size", "{write}", "Writes (turns and outbox bookkeeping) in one group commit");
        _batchDuration = meter.CreateHistogram<double>("closurebot.store.batch.duration", "ms", "From a batch's first statement to its durable commit");
        _busy = meter.CreateCounter<double>("closurebot.store.writer.busy", "s", "Time the single writer spent writing batches");
    }

    /// <summary>Records one batch of <paramref name="writes"/> that started at <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Batch(string provider, int writes, long startedAt)
    {
        // Nothing to measure while no listener (dotnet-counters, a MeterListener) is attached.
        if (!(_batchSize.Enabled || _batchDuration.Enabled || _busy.Enabled)) return;
        var elapsed = Stopwatch.GetElapsedTime(startedAt);
        var tag = new KeyValuePair<string, object?>("db.system.name", provider);
        _batchSize.Record(writes, tag);
        _batchDuration.Record(elapsed.TotalMilliseconds, tag);
        _busy.Add(elapsed.TotalSeconds, tag);
    }
}
