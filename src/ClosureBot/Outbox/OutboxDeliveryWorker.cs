using Microsoft.Extensions.Options;

namespace ClosureBot.Outbox;

/// <summary>
/// The outbox's background side: every <see cref="OutboxOptions.OutboxPollInterval"/> it retries replies the channel
/// did not take (with backoff, until <see cref="OutboxOptions.ReplyDeliveryMaxAge"/>), including those of turns whose
/// process died before delivering them; every <see cref="OutboxOptions.OutboxPruneInterval"/> it deletes rows older
/// than the duplicate window.
/// </summary>
public sealed class OutboxDeliveryWorker(ReplyOutbox outbox, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDeliveryWorker> logger)
    : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    /// <summary>One pass: the retries that are due, then the pruning if its time has come.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (await outbox.DeliverDueAsync(cancellationToken) > 0)
            {
            }
            if (time.GetUtcNow() < _nextPrune) return;
            var pruned = await outbox.PruneAsync(cancellationToken);
            if (pruned > 0) logger.LogInformation("Deleted {Count} outbox rows older than {Window}", pruned, _options.DuplicateWindow);
            _nextPrune = time.GetUtcNow() + _options.OutboxPruneInterval;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox pass failed; trying again in {Interval}", _options.OutboxPollInterval);
            }

            try
            {
                await Task.Delay(_options.OutboxPollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
