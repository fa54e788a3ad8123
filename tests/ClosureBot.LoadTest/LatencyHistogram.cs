using System.Numerics;

namespace ClosureBot.LoadTest;

/// <summary>
/// A fixed-size log-linear histogram of microseconds: exact below 2,048 µs, then 1,024 buckets per power of two
/// (under 0.1 % error). Recording never allocates, so measuring does not disturb what is measured.
/// </summary>
public sealed class LatencyHistogram
{
    private const int LinearLimit = 2048;
    private const int SubBucketBits = 10;
    private const int MaxExponent = 40;
    private readonly long[] _counts = new long[LinearLimit + (MaxExponent - 11 + 1) * (1 << SubBucketBits)];

    public long Count { get; private set; }
    public long MaxMicroseconds { get; private set; }

    public void Record(long microseconds)
    {
        microseconds = Math.Max(0, microseconds);
        _counts[IndexOf(microseconds)]++;
        Count++;
        MaxMicroseconds = Math.Max(MaxMicroseconds, microseconds);
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Count += other.Count;
        MaxMicroseconds = Math.Max(MaxMicroseconds, other.MaxMicroseconds);
    }

    /// <summary>The smallest recorded value at or above which lies the top (1 - <paramref name="quantile"/>) of samples.</summary>
    public long Percentile(double quantile)
    {
        if (Count == 0) return 0;
        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank) return Math.Min(UpperBoundOf(i), MaxMicroseconds);
        }
        return MaxMicroseconds;
    }

    private static int IndexOf(long value)
    {
        if (value < LinearLimit) return (int)value;
        var exponent = Math.Min(63 - BitOperations.LeadingZeroCount((ulong)value), MaxExponent);
        var sub = (int)(value >> (exponent - SubBucketBits)) & ((1 << SubBucketBits) - 1);
        return LinearLimit + (exponent - 11) * (1 << SubBucketBits) + sub;
    }

    private static long UpperBoundOf(int index)
    {
        if (index < LinearLimit) return index;
        var exponent = (index - LinearLimit) / (1 << SubBucketBits) + 11;
        var sub = (index - LinearLimit) % (1 << SubBucketBits);
        var width = 1L << (exponent - SubBucketBits);
        return (1L << exponent) + (sub + 1) * width - 1;
    }
}
