using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>The phases of one row: warm-up (not measured), the measured window, then over.</summary>
public sealed class LoadClock(TimeSpan warmup, TimeSpan duration)
{
    private readonly long _measureFrom = Stopwatch.GetTimestamp() + Ticks(warmup);
    private long MeasureUntil => _measureFrom + Ticks(duration);

    /// <summary>Past the measured window, or the command asked to stop (<see cref="LoadStop"/>).</summary>
    public bool IsOver => LoadStop.Requested || Stopwatch.GetTimestamp() >= MeasureUntil;
    public bool IsMeasured(long timestamp) => timestamp >= _measureFrom && timestamp < MeasureUntil;
    public TimeSpan UntilMeasuring => TimeSpan.FromSeconds(Math.Max(0, _measureFrom - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
    public TimeSpan UntilOver => TimeSpan.FromSeconds(Math.Max(0, MeasureUntil - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
    public TimeSpan Duration => duration;

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
