using System.Threading.RateLimiting;

namespace ClosureBot.RateLimits;

/// <summary>
/// A token bucket that reads its time from a <see cref="TimeProvider"/> when asked, instead of refilling on a timer as
/// the framework's limiters do, so a fake clock drives it in tests. It never queues: a request either gets a permit now
/// or a refusal that says (as <see cref="MetadataName.RetryAfter"/>) when one will be there.
/// </summary>
public sealed class ClockTokenBucket : RateLimiter
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly double _permitsPerSecond;
    private double _available;
    private long _updatedAt;
    private long? _fullSince;

    public ClockTokenBucket(RateLimitRule rule, TimeProvider time)
    {
        if (!rule.IsValid) throw new ArgumentException($"Not a usable rate limit: {rule}.", nameof(rule));
        _time = time;
        _capacity = rule.Burst;
        _permitsPerSecond = rule.Limit / rule.Window.TotalSeconds;
        _available = _capacity;
        _updatedAt = time.GetTimestamp();
        _fullSince = _updatedAt;
    }

    /// <summary>How long the bucket has been full (null while it is not): a full bucket is as good as a new one, so it may be dropped.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _fullSince is { } since ? _time.GetElapsedTime(since) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_available };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _capacity);
        lock (_gate)
        {
            Refill();
            if (_available >= permitCount)
            {
                _available -= permitCount;
                if (permitCount > 0) _fullSince = null;
                return Lease.Granted;
            }
            return Lease.Refused(TimeSpan.FromSeconds((permitCount - _available) / _permitsPerSecond));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var now = _time.GetTimestamp();
        if (_fullSince is not null) { _updatedAt = now; return; }
        var missing = _capacity - _available;
        var refilled = _time.GetElapsedTime(_updatedAt, now).TotalSeconds * _permitsPerSecond;
        if (refilled >= missing)
        {
            // Full since the moment the last missing permit came back, not since someone looked.
            _available = _capacity;
            _fullSince = _updatedAt + (long)(missing / _permitsPerSecond * _time.TimestampFrequency);
        }
        else
        {
            _available += refilled;
        }
        _updatedAt = now;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
