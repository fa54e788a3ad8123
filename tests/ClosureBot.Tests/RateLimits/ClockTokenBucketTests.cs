using System.Threading.RateLimiting;
using ClosureBot.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace ClosureBot.Tests.RateLimits;

public sealed class ClockTokenBucketTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void AttemptAcquire_PastTheBurst_RefusedWithTheWaitForTheNextPermit()
    {
        using var bucket = new ClockTokenBucket(RateLimitRule.PerMinute(60, 3), _clock);
        for (var i = 0; i < 3; i++) Assert.True(bucket.AttemptAcquire().IsAcquired);

        using var refused = bucket.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public void AttemptAcquire_AfterTheClockMoves_RefilledAtTheRateUpToTheBurst()
    {
        using var bucket = new ClockTokenBucket(RateLimitRule.PerMinute(60, 3), _clock);
        for (var i = 0; i < 3; i++) bucket.AttemptAcquire();

        _clock.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.False(bucket.AttemptAcquire().IsAcquired);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, Enumerable.Range(0, 5).Count(_ => bucket.AttemptAcquire().IsAcquired));
    }

    [Fact]
    public void IdleDuration_WhileNotFull_NullSoTheBucketIsNotDropped()
    {
        using var bucket = new ClockTokenBucket(RateLimitRule.PerMinute(60, 3), _clock);
        bucket.AttemptAcquire();
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Null(bucket.IdleDuration);

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.Zero, bucket.IdleDuration);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(20), bucket.IdleDuration);
    }
}
