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

    /// <summary>The fake clock behind this provider.</summary>
    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Waits for the next timer created with a due time matching <paramref name="filter"/>.</summary>
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
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();
    public override long GetTimestamp() => Fake.GetTimestamp();
    public override long TimestampFrequency => Fake.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;
}
