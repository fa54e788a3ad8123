using ClosureBot.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace ClosureBot.Tests.RateLimits;

public sealed class KeyedRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void TryAcquire_OneKeyPastItsBurst_RefusedWhileAnotherKeyIsServed()
    {
        var limiter = new KeyedRateLimiter(RateLimitRule.PerMinute(60, 2), enabled: true, _clock);
        Assert.Null(limiter.TryAcquire("a"));
        Assert.Null(limiter.TryAcquire("a"));

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TryAcquire("a"));
        Assert.Null(limiter.TryAcquire("b"));
    }

    [Fact]
    public void TryAcquire_ManyKeysThatWentQuiet_TheirBucketsAreDroppedAndTheBusyOneKeepsItsCount()
    {
        var limiter = new KeyedRateLimiter(RateLimitRule.PerMinute(60, 2), enabled: true, _clock);
        for (var i = 0; i < 1_000; i++) limiter.TryAcquire($"conversation-{i}");
        Assert.Equal(1_000, limiter.Count);

        _clock.Advance(TimeSpan.FromSeconds(2));
        limiter.TryAcquire("busy");
        limiter.TryAcquire("busy");
        _clock.Advance(KeyedRateLimiter.SweepInterval);
        limiter.TryAcquire("busy");
        limiter.TryAcquire("busy");

        Assert.Equal(1, limiter.Count);
        Assert.NotNull(limiter.TryAcquire("busy"));
    }

    [Fact]
    public void TryAcquire_ManyShortConversations_TheirBucketsAreDroppedOnceTheyRefill()
    {
        // 10,000 customers who each sent a few messages and left: their buckets go as soon as the permits are back,
        // not seconds later, so a burst of them holds no memory after it.
        var limiter = new KeyedRateLimiter(RateLimitRule.PerMinute(60, 20), enabled: true, _clock);
        for (var i = 0; i < 10_000; i++)
            for (var turn = 0; turn < 5; turn++) Assert.Null(limiter.TryAcquire($"webchat\nhalf-way-{i}"));
        Assert.Equal(10_000, limiter.Count);

        _clock.Advance(TimeSpan.FromSeconds(4)); // one permit a second: not all five are back yet
        limiter.TryAcquire("other");
        Assert.Equal(10_001, limiter.Count);

        _clock.Advance(TimeSpan.FromSeconds(1)); // all five back: every half-way bucket is full again
        limiter.TryAcquire("other");
        _clock.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire("other");

        Assert.Equal(1, limiter.Count);
    }

    [Fact]
    public void TryAcquire_ABucketDroppedWhenFull_GivesTheKeyNoMoreThanItHad()
    {
        var limiter = new KeyedRateLimiter(RateLimitRule.PerMinute(60, 2), enabled: true, _clock);
        Assert.Null(limiter.TryAcquire("a"));
        _clock.Advance(TimeSpan.FromSeconds(1) + KeyedRateLimiter.SweepInterval);
        Assert.Null(limiter.TryAcquire("other"));
        Assert.Equal(1, limiter.Count); // the sweep dropped "a", full again

        Assert.Null(limiter.TryAcquire("a"));
        Assert.Null(limiter.TryAcquire("a"));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TryAcquire("a"));
    }

    [Fact]
    public void TryAcquire_Disabled_NeverRefusesAndHoldsNothing()
    {
        var limiter = new KeyedRateLimiter(RateLimitRule.PerMinute(1, 1), enabled: false, _clock);
        for (var i = 0; i < 10; i++) Assert.Null(limiter.TryAcquire("a"));
        Assert.Equal(0, limiter.Count);
    }
}
