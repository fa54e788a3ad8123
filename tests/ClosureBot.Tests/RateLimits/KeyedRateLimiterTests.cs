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
    public void TryAcquire_Disabled_NeverRefusesAndHoldsNothing()
    {
        var limiter = new KeyedRateLimiter(RateLimitRule.PerMinute(1, 1), enabled: false, _clock);
        for (var i = 0; i < 10; i++) Assert.Null(limiter.TryAcquire("a"));
        Assert.Equal(0, limiter.Count);
    }
}
