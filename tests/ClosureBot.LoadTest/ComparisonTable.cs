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
    /// When a row is the bare floor, a last column gives each row's turns/s as a percentage of the floor's.
    /// </summary>
    public static IReadOnlyList<string> SideBySide(IReadOnlyList<RowResult> rows)
    {
        var peer = rows.FirstOrDefault(r => r.Label == LoadTarget.PeerLabel);
        var floor = rows.FirstOrDefault(r => r.Label == LoadTarget.FloorLabel);
        var lines = new List<string>
        {
            $"{"target",-24} {"customers",9} {"turns/s",9} {"p50 ms",8} {"p99 ms",8} {"peak RSS MiB",13} {"CPU µs/turn",12} {"× turns/s",10} {"p99 frac",9} {"RSS frac",9}" +
            (floor is null ? "" : $" {"% floor",8}"),
        };
        foreach (var row in rows)
        {
            var p99 = row.Latencies.Percentile(0.99);
            var floorCell = floor is null ? "" : $" {Percent(row.TurnsPerSecond, floor.TurnsPerSecond),8}";
            lines.Add(string.Create(Invariant,
                $"{row.Label,-24} {row.Customers,9} {row.TurnsPerSecond,9:0} {Ms(row.Latencies.Percentile(0.50)),8} {Ms(p99),8} {MiB(row.PeakRssKiB),13} " +
                $"{(row.BotCpuMicrosecondsPerTurn is { } cpu ? cpu.ToString("0", Invariant) : "n/a"),12} " +
                $"{Ratio(row.TurnsPerSecond, peer?.TurnsPerSecond, "0.00", "×"),10} " +
                $"{Ratio(p99, peer?.Latencies.Percentile(0.99), "0.00", ""),9} {Ratio(row.PeakRssKiB, peer?.PeakRssKiB, "0.00", ""),9}{floorCell}"));
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

    /// <summary>
    /// The side-by-side table over several rounds (<c>--rounds</c>), one line per target, matched by label: each figure is
    /// the median of the target's rows, and each ratio is the median of the ratios taken within a round (against that
    /// round's peer, measured minutes apart, not hours), followed by the lowest and highest of them. With the bare floor,
    /// a last column gives the median of each round's turns/s as a percentage of that round's floor, with its range.
    /// </summary>
    public static IReadOnlyList<string> SideBySideMedians(IReadOnlyList<IReadOnlyList<RowResult>> rounds)
    {
        var floors = rounds.Select(round => round.FirstOrDefault(r => r.Label == LoadTarget.FloorLabel)).ToArray();
        var withFloor = floors.All(f => f is not null);
        var lines = new List<string>
        {
            $"{"target",-24} {"customers",9} {"turns/s",9} {"p50 ms",8} {"p99 ms",8} {"peak RSS MiB",13} {"CPU µs/turn",12} {"× turns/s",21} {"p99 frac",18} {"RSS frac",18}" +
            (withFloor ? $" {"% floor",16}" : ""),
        };
        foreach (var label in rounds[0].Select(r => r.Label))
        {
            var rows = rounds.Select(round => round.Single(r => r.Label == label)).ToArray();
            var peers = rounds.Select(round => round.FirstOrDefault(r => r.Label == LoadTarget.PeerLabel)).ToArray();
            var ofFloor = withFloor ? rows.Zip(floors, (row, floor) => floor!.TurnsPerSecond > 0 ? row.TurnsPerSecond / floor.TurnsPerSecond : double.NaN).ToArray() : [];
            string RatioCell(Func<RowResult, double?> figure, string format, string suffix)
            {
                if (peers.Any(p => p is null)) return "n/a";
                var ratios = rows.Zip(peers, (row, peer) => figure(row) is { } v && figure(peer!) is { } p && p > 0 ? v / p : (double?)null).ToArray();
                if (ratios.Any(r => r is null)) return "n/a";
                var values = ratios.Select(r => r!.Value).ToArray();
                return string.Create(Invariant,
                    $"{Median(values).ToString(format, Invariant)}{suffix} ({values.Min().ToString(format, Invariant)}–{values.Max().ToString(format, Invariant)})");
            }
            var cpu = rows.Select(r => r.BotCpuMicrosecondsPerTurn).ToArray();
            var rss = rows.Select(r => r.PeakRssKiB).ToArray();
            var floorCell = withFloor ? $" {PercentCell(ofFloor.Select(f => (double?)f).ToArray()),16}" : "";
            lines.Add(string.Create(Invariant,
                $"{label,-24} {rows[0].Customers,9} {Median(rows.Select(r => r.TurnsPerSecond)),9:0} " +
                $"{Ms(Median(rows.Select(r => (double)r.Latencies.Percentile(0.50)))),8} {Ms(Median(rows.Select(r => (double)r.Latencies.Percentile(0.99)))),8} " +
                $"{(rss.All(r => r is not null) ? (Median(rss.Select(r => (double)r!.Value)) / 1024).ToString("0.0", Invariant) : "n/a"),13} " +
                $"{(cpu.All(c => c is not null) ? Median(cpu.Select(c => c!.Value)).ToString("0", Invariant) : "n/a"),12} " +
                $"{RatioCell(r => r.TurnsPerSecond, "0.00", "×"),21} {RatioCell(r => r.Latencies.Percentile(0.99), "0.00", ""),18} " +
                $"{RatioCell(r => r.PeakRssKiB, "0.00", ""),18}{floorCell}"));
        }
        return lines;
    }

    /// <summary>
    /// The empty-against-seeded table over several rounds: per target, the empty store's medians, then the seeded store's
    /// with the medians of its percentages taken within each round, followed by the lowest and highest of them.
    /// </summary>
    public static IReadOnlyList<string> EmptyVsSeededMedians(IReadOnlyList<IReadOnlyList<(RowResult Empty, RowResult Seeded)>> rounds, int seeded)
    {
        var lines = new List<string>
        {
            $"{"target",-24} {"store",-24} {"customers",9} {"turns/s",9} {"p99 ms",8} {"peak RSS MiB",13} {"turns/s %",16} {"RSS %",16}",
        };
        foreach (var label in rounds[0].Select(p => p.Seeded.Label))
        {
            var pairs = rounds.Select(round => round.Single(p => p.Seeded.Label == label)).ToArray();
            lines.Add(Line(pairs.Select(p => p.Empty).ToArray(), "empty", "100%", "100%"));
            lines.Add(Line(pairs.Select(p => p.Seeded).ToArray(), string.Create(Invariant, $"+{seeded:N0} conversations"),
                PercentCell(pairs.Select(p => (double?)(p.Seeded.TurnsPerSecond / p.Empty.TurnsPerSecond)).ToArray()),
                PercentCell(pairs.Select(p => p.Seeded.PeakRssKiB is { } s && p.Empty.PeakRssKiB is { } e && e > 0 ? (double?)s / e : null).ToArray())));
        }
        return lines;

        static string Line(RowResult[] rows, string store, string turns, string rss)
        {
            var peaks = rows.Select(r => r.PeakRssKiB).ToArray();
            return string.Create(Invariant,
                $"{rows[0].Label,-24} {store,-24} {rows[0].Customers,9} {Median(rows.Select(r => r.TurnsPerSecond)),9:0} " +
                $"{Ms(Median(rows.Select(r => (double)r.Latencies.Percentile(0.99)))),8} " +
                $"{(peaks.All(p => p is not null) ? (Median(peaks.Select(p => (double)p!.Value)) / 1024).ToString("0.0", Invariant) : "n/a"),13} {turns,16} {rss,16}");
        }
    }

    /// <summary>The median of fractions as a percentage, with the lowest and highest: "57% (38%–60%)".</summary>
    private static string PercentCell(double?[] fractions) =>
        fractions.Any(f => f is null || double.IsNaN(f.Value) || double.IsInfinity(f.Value))
            ? "n/a"
            : $"{Pct(Median(fractions.Select(f => f!.Value)))} ({Pct(fractions.Min()!.Value)}–{Pct(fractions.Max()!.Value)})";

    private static string Pct(double fraction) => (fraction * 100).ToString("0", Invariant) + "%";

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("No values to take the median of.", nameof(values));
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Ms(double microseconds) => (microseconds / 1000.0).ToString("0.00", Invariant);

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("0.00", Invariant);

    private static string MiB(long? kib) => kib is { } k ? (k / 1024.0).ToString("0.0", Invariant) : "n/a";

    private static string Ratio(double? value, double? peer, string format, string suffix) =>
        value is { } v && peer is { } p && p > 0 ? (v / p).ToString(format, Invariant) + suffix : "n/a";

    private static string Percent(double? value, double? baseline) =>
        value is { } v && baseline is { } b && b > 0 ? (v / b).ToString("0%", Invariant).Replace(" ", "") : "n/a";
}
