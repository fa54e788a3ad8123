using ClosureBot.Closure;
using ClosureBot.Handoff;
using Microsoft.Extensions.Options;

namespace ClosureBot.Retention;

/// <summary>
/// The retention job: every <see cref="RetentionOptions.Interval"/> it runs each area's <see cref="IRetentionSweep"/>
/// in small batches and writes one log line with what was deleted. Each app instance runs it; the deletes are
/// conditional and idempotent, so running it twice, or on two instances at once, deletes nothing twice.
/// </summary>
public sealed class RetentionWorker(IEnumerable<IRetentionSweep> sweeps, IClosureLog closureLog, IHandoffStore handoffs, IOptions<RetentionOptions> options,
    TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PeriodicTimer? _timer;

    /// <summary>One pass as of <paramref name="now"/>; returns what it deleted, by kind.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var started = time.GetTimestamp();
            // Read once, before any delete: a conversation only gains a request or a ticket through a turn, and a turn makes it
            // young again. A customer waiting in a queue or talking to an agent keeps their conversation, whatever its age.
            var kept = new HashSet<string>(await closureLog.OpenRequestConversationsAsync(cancellationToken), StringComparer.Ordinal);
            kept.UnionWith(await handoffs.OpenConversationIdsAsync(cancellationToken));
            var pass = new RetentionPass(now, kept);
            foreach (var sweep in sweeps) await sweep.SweepAsync(pass, cancellationToken);
            // A Dictionary<,> (not the sorted view) is what Serilog captures as a structured dictionary.
            logger.LogInformation("Retention pass deleted {@Deleted} in {ElapsedMs:0} ms and kept {Kept} old items of conversations with an open closure request",
                new Dictionary<string, int>(pass.Deleted), time.GetElapsedTime(started).TotalMilliseconds, pass.Kept);
            return pass.Deleted;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Started with the host, not when ExecuteAsync gets to run, so the first pass is one interval after start.
        if (options.Value.Enabled) _timer = new PeriodicTimer(options.Value.Interval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer) return;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(time.GetUtcNow(), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The retention pass failed; next try in {Interval}", options.Value.Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
