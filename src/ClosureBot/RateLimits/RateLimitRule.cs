namespace ClosureBot.RateLimits;

/// <summary>
/// A token bucket: <see cref="Limit"/> requests per <see cref="Window"/> on average, at most <see cref="Burst"/> at once.
/// An idle key gets its whole burst back; a busy one one request every <c>Window / Limit</c>.
/// </summary>
public sealed class RateLimitRule
{
    public int Limit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public int Burst { get; set; }

    public static RateLimitRule PerMinute(int limit, int burst) => new() { Limit = limit, Window = TimeSpan.FromMinutes(1), Burst = burst };

    public bool IsValid => Limit >= 1 && Burst >= 1 && Window > TimeSpan.Zero;

    public override string ToString() => $"{Limit} per {Window}, bursts of {Burst}";
}
