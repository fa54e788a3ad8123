using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ClosureBot.Protocol.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer created on it with its due time, so a test can
/// wait for "the code is now sleeping for X" and then advance exactly X — no real waiting.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>The fake clock behind this provider; starts at the real time (some library code reads the real clock).</summary>
    public FakeTimeProvider Fake { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Waits for the next timer armed with a due time matching <paramref name="filter"/>.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> filter, CancellationToken cancellationToken)
    {
        while (true)
        {
            var due = await _created.Reader.ReadAsync(cancellationToken);
            if (filter(due)) return due;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Recorded(Fake.CreateTimer(callback, state, dueTime, period), this);
        timer.Report(dueTime);
        return timer;
    }

    // Timers are often created disarmed (infinite due time) and armed later with Change, e.g. by a
    // CancellationTokenSource's CancelAfter; both count as "started sleeping".
    private sealed class Recorded(ITimer inner, RecordingTimeProvider owner) : ITimer
    {
        public void Report(TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan) owner._created.Writer.TryWrite(dueTime);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            Report(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();
    public override long GetTimestamp() => Fake.GetTimestamp();
    public override long TimestampFrequency => Fake.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;
}
