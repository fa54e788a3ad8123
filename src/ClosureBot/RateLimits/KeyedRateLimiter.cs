using System.Threading.RateLimiting;

namespace ClosureBot.RateLimits;

/// <summary>
/// One <see cref="ClockTokenBucket"/> per key (a user, a conversation), for limits whose key is only known inside an
/// endpoint, after it has read the body or checked a credential. Buckets that have been full for a while are dropped.
/// </summary>
public sealed class KeyedRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly RateLimitRule _rule;

    public KeyedRateLimiter(RateLimitRule rule, bool enabled, TimeProvider time)
    {
        _rule = rule;
        if (enabled)
            _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, _ => new ClockTokenBucket(rule, time)),
                StringComparer.Ordinal);
    }

    /// <summary>Takes one permit of <paramref name="key"/>: null when granted, otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string key)
    {
        if (_limiter is null) return null;
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _rule.Window;
    }

    public void Dispose() => _limiter?.Dispose();
}
