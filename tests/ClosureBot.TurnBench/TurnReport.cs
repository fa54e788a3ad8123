using System.Globalization;
using System.Text;

namespace ClosureBot.TurnBench;

/// <summary>The bench's table: one row a turn, then the walk's sums and a turn's mean.</summary>
public static class TurnReport
{
    public static string Format(IReadOnlyList<TurnFigures> turns, int rounds, int walks, int warmup, int asynchronousTurns)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"ClosureBot turn bench: the canonical walk in this process, one turn at a time; {warmup:N0} walks of warm-up, {rounds} rounds of {walks:N0} walks");
        text.AppendLine("turn  message                       min µs  median µs  allocated B");
        foreach (var t in turns)
            text.AppendLine(c, $"{t.Turn,4}  {t.Text,-28} {t.MinMicroseconds,7:F1} {t.MedianMicroseconds,10:F1} {t.AllocatedBytes,12:N0}");
        double min = turns.Sum(t => t.MinMicroseconds), median = turns.Sum(t => t.MedianMicroseconds);
        long bytes = turns.Sum(t => t.AllocatedBytes);
        text.AppendLine(c, $"walk  {"",-28} {min,7:F1} {median,10:F1} {bytes,12:N0}");
        text.AppendLine(c, $"a turn (mean)                      {min / turns.Count,7:F1} {median / turns.Count,10:F1} {bytes / turns.Count,12:N0}");
        if (asynchronousTurns > 0)
            text.AppendLine(c, $"note: {asynchronousTurns} turns finished on another thread; their allocations there are not counted");
        return text.ToString();
    }
}
