using System.Globalization;

namespace ClosureBot.LoadTest;

/// <summary>
/// The summary tables a run ends with: targets side by side with their ratios to the SDK peer, and each store empty
/// against seeded. Lines are returned rather than printed, so their layout is tested.
/// </summary>
public static class ComparisonTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// One line per row (same customer count): turns/s, p50, p99, peak RSS, bot CPU per turn, and, when a row is the
    /// SDK peer, each row's turns/s as a multiple of the peer's (×), its p99 and peak RSS as fractions of the peer's.
    /// </summary>
    public static IReadOnlyList<string> SideBySide(IReadOnlyList<RowResult> rows)
    {
        var peer = rows.FirstOrDefault(r => r.Label == LoadTarget.PeerLabel);
        var lines = new List<string>
        {
            $"{"target",-24} {"customers",9} {"turns/s",9} {"p50 ms",8} {"p99 ms",8} {"peak RSS MiB",13} {"CPU µs/turn",12} {"× turns/s",10} {"p99 frac",9} {"RSS frac",9}",
        };
        foreach (var row in rows)
        {
            var p99 = row.Latencies.Percentile(0.99);
            lines.Add(string.Create(Invariant,
                $"{row.Label,-24} {row.Customers,9} {row.TurnsPerSecond,9:0} {Ms(row.Latencies.Percentile(0.50)),8} {Ms(p99),8} {MiB(row.PeakRssKiB),13} " +
                $"{(row.BotCpuMicrosecondsPerTurn is { } cpu ? cpu.ToString("0", Invariant) : "n/a"),12} " +
                $"{Ratio(row.TurnsPerSecond, peer?.TurnsPerSecond, "0.00", "×"),10} " +
                $"{Ratio(p99, peer?.Latencies.Percentile(0.99), "0.00", ""),9} {Ratio(row.PeakRssKiB, peer?.PeakRssKiB, "0.00", ""),9}"));
        }
        return lines;
    }

    /// <summary>One line per target: empty, then seeded with its turns/s and peak RSS as a percentage of the empty store's.</summary>
    public static IReadOnlyList<string> EmptyVsSeeded(IReadOnlyList<(RowResult Empty, RowResult Seeded)> pairs, int seeded)
    {
        var lines = new List<string>
        {
            $"{"target",-24} {"store",-24} {"customers",9} {"turns/s",9} {"p99 ms",8} {"peak RSS MiB",13} {"turns/s %",10} {"RSS %",7}",
        };
        foreach (var (empty, full) in pairs)
        {
            lines.Add(Line(empty, "empty", "100%", "100%"));
            lines.Add(Line(full, string.Create(Invariant, $"+{seeded:N0} conversations"),
                Percent(full.TurnsPerSecond, empty.TurnsPerSecond), Percent(full.PeakRssKiB, empty.PeakRssKiB)));
        }
        return lines;

        static string Line(RowResult row, string store, string turns, string rss) => string.Create(Invariant,
            $"{row.Label,-24} {store,-24} {row.Customers,9} {row.TurnsPerSecond,9:0} {Ms(row.Latencies.Percentile(0.99)),8} {MiB(row.PeakRssKiB),13} {turns,10} {rss,7}");
    }

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("0.00", Invariant);

    private static string MiB(long? kib) => kib is { } k ? (k / 1024.0).ToString("0.0", Invariant) : "n/a";

    private static string Ratio(double? value, double? peer, string format, string suffix) =>
        value is { } v && peer is { } p && p > 0 ? (v / p).ToString(format, Invariant) + suffix : "n/a";

    private static string Percent(double? value, double? baseline) =>
        value is { } v && baseline is { } b && b > 0 ? (v / b).ToString("0%", Invariant).Replace(" ", "") : "n/a";
}
