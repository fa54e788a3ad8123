namespace ClosureBot.LoadTest.Tests;

public sealed class ComparisonTableTests
{
    [Fact]
    public void SideBySide_WithThePeer_GivesEachRowsRatiosToThePeer()
    {
        var lines = ComparisonTable.SideBySide(
        [
            Row("ours SQLite", turns: 80_000, latencyMs: 10, rssMiB: 150, cpuSeconds: 20),
            Row(LoadTarget.PeerLabel, turns: 10_000, latencyMs: 80, rssMiB: 300, cpuSeconds: 10),
        ]);

        Assert.Equal(3, lines.Count);
        Assert.Equal(["target", "customers", "turns/s", "p50", "ms", "p99", "ms", "peak", "RSS", "MiB", "CPU", "µs/turn", "×", "turns/s", "p99", "frac", "RSS", "frac"],
            Cells(lines[0]));
        // 80,000 turns in 10 s against 10,000: 8× the turns/s, an eighth of the p99, half the RSS, 250 µs of CPU per turn.
        Assert.Equal(["ours", "SQLite", "32", "8000", "10.00", "10.00", "150.0", "250", "8.00×", "0.13", "0.50"], Cells(lines[1]));
        Assert.Equal(["SDK", "peer", "32", "1000", "80.00", "80.00", "300.0", "1000", "1.00×", "1.00", "1.00"], Cells(lines[2]));
        Assert.Equal(lines[1].IndexOf("8000", StringComparison.Ordinal) + 4, lines[0].IndexOf("turns/s", StringComparison.Ordinal) + 7);
    }

    [Fact]
    public void SideBySide_WithoutThePeer_SaysRatiosAreNotAvailable()
    {
        var lines = ComparisonTable.SideBySide([Row("ours SQLite", 1000, 5, 100, 1), Row("ours PostgreSQL ×2", 1500, 7, 250, 2)]);

        Assert.All(lines.Skip(1), line => Assert.EndsWith("n/a       n/a       n/a", line));
        Assert.Equal(["ours", "PostgreSQL", "×2", "32", "150", "7.00", "7.00", "250.0", "1333", "n/a", "n/a", "n/a"], Cells(lines[2]));
    }

    [Fact]
    public void SideBySide_WithTheFloor_GivesEachRowsTurnsAsAPercentageOfTheFloors()
    {
        var lines = ComparisonTable.SideBySide(
        [
            Row("ours SQLite", turns: 60_000, latencyMs: 10, rssMiB: 150, cpuSeconds: 12),
            Row(LoadTarget.FloorLabel, turns: 100_000, latencyMs: 10, rssMiB: 100, cpuSeconds: 8),
            Row(LoadTarget.PeerLabel, turns: 10_000, latencyMs: 80, rssMiB: 300, cpuSeconds: 10),
        ]);

        Assert.Equal(["%", "floor"], Cells(lines[0])[^2..]);
        Assert.Equal(["ours", "SQLite", "32", "6000", "10.00", "10.00", "150.0", "200", "6.00×", "0.13", "0.50", "60%"], Cells(lines[1]));
        Assert.Equal(["bare", "floor", "32", "10000", "10.00", "10.00", "100.0", "80", "10.00×", "0.13", "0.33", "100%"], Cells(lines[2]));
        Assert.Equal("10%", Cells(lines[3])[^1]);
    }

    [Fact]
    public void SideBySideMedians_WithTheFloor_TakesEachPercentageWithinItsRound()
    {
        // The floor ran slower in round 3: within rounds ours is 60 %, 80 % and 50 % of it, median 60 %.
        var lines = ComparisonTable.SideBySideMedians(
        [
            [Row("ours SQLite", 60_000, 10, 150, 15), Row(LoadTarget.FloorLabel, 100_000, 10, 100, 8)],
            [Row("ours SQLite", 80_000, 8, 160, 16), Row(LoadTarget.FloorLabel, 100_000, 10, 100, 8)],
            [Row("ours SQLite", 70_000, 9, 140, 14), Row(LoadTarget.FloorLabel, 140_000, 10, 100, 8)],
        ]);

        Assert.Equal(["%", "floor"], Cells(lines[0])[^2..]);
        Assert.Equal(["n/a", "n/a", "n/a", "60%", "(50%–80%)"], Cells(lines[1])[^5..]);
        Assert.Equal(["100%", "(100%–100%)"], Cells(lines[2])[^2..]);
    }

    [Fact]
    public void EmptyVsSeeded_GivesTheSeededStoreAsAPercentageOfTheEmptyOne()
    {
        var lines = ComparisonTable.EmptyVsSeeded([(Row("ours SQLite", 50_000, 10, 160, 10), Row("ours SQLite", 45_000, 12, 176, 10))], 1_000_000);

        Assert.Equal(3, lines.Count);
        Assert.Equal(["ours", "SQLite", "empty", "32", "5000", "10.00", "160.0", "100%", "100%"], Cells(lines[1]));
        Assert.Equal(["ours", "SQLite", "+1,000,000", "conversations", "32", "4500", "12.00", "176.0", "90%", "110%"], Cells(lines[2]));
    }

    [Fact]
    public void SideBySideMedians_TakesEachRatioWithinItsRound_ThenTheMedianWithItsRange()
    {
        // Round 3's peer ran in a slow spell: paired within rounds the ratios are 6×, 8× and 14×, median 8×; the ratio of
        // the medians (7,000 against 1,000) would say 7×. The p99 fractions are 0.125, 0.100 and 0.050; the RSS halves.
        var lines = ComparisonTable.SideBySideMedians(
        [
            [Row("ours SQLite", 60_000, 10, 150, 15), Row(LoadTarget.PeerLabel, 10_000, 80, 300, 10)],
            [Row("ours SQLite", 80_000, 8, 160, 16), Row(LoadTarget.PeerLabel, 10_000, 80, 320, 10)],
            [Row("ours SQLite", 70_000, 9, 140, 14), Row(LoadTarget.PeerLabel, 5_000, 180, 280, 10)],
        ]);

        Assert.Equal(3, lines.Count);
        Assert.Equal(["target", "customers", "turns/s", "p50", "ms", "p99", "ms", "peak", "RSS", "MiB", "CPU", "µs/turn", "×", "turns/s", "p99", "frac", "RSS", "frac"],
            Cells(lines[0]));
        // Medians of the rows: 7,000 turns/s, 9 ms, 150 MiB, 200 µs a turn (250, 200 and 200 µs).
        Assert.Equal(["ours", "SQLite", "32", "7000", "9.00", "9.00", "150.0", "200", "8.00×", "(6.00–14.00)", "0.10", "(0.05–0.13)", "0.50", "(0.50–0.50)"],
            Cells(lines[1]));
        Assert.Equal(["SDK", "peer", "32", "1000", "80.00", "80.00", "300.0", "1000", "1.00×", "(1.00–1.00)", "1.00", "(1.00–1.00)", "1.00", "(1.00–1.00)"],
            Cells(lines[2]));
    }

    [Fact]
    public void SideBySideMedians_WithoutThePeer_GivesMediansAndNoRatios()
    {
        var lines = ComparisonTable.SideBySideMedians([[Row("ours SQLite", 1000, 5, 100, 1)], [Row("ours SQLite", 3000, 7, 120, 1)]]);

        // Two rounds: the median is the mean of the two middle values.
        Assert.Equal(["ours", "SQLite", "32", "200", "6.00", "6.00", "110.0", "667", "n/a", "n/a", "n/a"], Cells(lines[1]));
    }

    [Fact]
    public void EmptyVsSeededMedians_GivesThePercentagesTakenWithinEachRound()
    {
        var lines = ComparisonTable.EmptyVsSeededMedians(
        [
            [(Row("ours SQLite", 50_000, 10, 160, 10), Row("ours SQLite", 45_000, 12, 176, 10))],
            [(Row("ours SQLite", 40_000, 11, 150, 10), Row("ours SQLite", 48_000, 10, 150, 10))],
            [(Row("ours SQLite", 60_000, 9, 170, 10), Row("ours SQLite", 57_000, 9, 153, 10))],
        ], 1_000_000);

        Assert.Equal(3, lines.Count);
        Assert.Equal(["ours", "SQLite", "empty", "32", "5000", "10.00", "160.0", "100%", "100%"], Cells(lines[1]));
        // Within the rounds: 90 %, 120 % and 95 % of the turns/s; 110 %, 100 % and 90 % of the RSS.
        Assert.Equal(["ours", "SQLite", "+1,000,000", "conversations", "32", "4800", "10.00", "153.0", "95%", "(90%–120%)", "100%", "(90%–110%)"],
            Cells(lines[2]));
    }

    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    public void Median_IsTheMiddleValue_OrTheMeanOfTheTwoMiddleOnes(double[] values, double median) =>
        Assert.Equal(median, ComparisonTable.Median(values));

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static RowResult Row(string label, long turns, long latencyMs, long rssMiB, double cpuSeconds)
    {
        var latencies = new LatencyHistogram();
        for (var i = 0; i < turns; i++) latencies.Record(latencyMs * 1000);
        return new RowResult(32, latencies, TimeSpan.FromSeconds(10), 0, null, rssMiB * 1024, rssMiB * 1024, TimeSpan.FromSeconds(cpuSeconds),
            TimeSpan.Zero, label);
    }
}
