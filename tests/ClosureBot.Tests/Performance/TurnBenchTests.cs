using ClosureBot.TurnBench;

namespace ClosureBot.Tests.Performance;

// The in-process turn bench (tests/ClosureBot.TurnBench): it must walk the real closure, count every turn on its own
// thread, and leave nothing behind. Its figures are the command's to print, not a test's to judge.
public sealed class TurnBenchTests
{
    [Fact]
    public async Task Run_AFewWalks_AnswersEveryTurnOnTheCallingThreadAndCountsItsBytes()
    {
        IReadOnlyList<TurnFigures> figures;
        string folder;
        await using (var bench = new TurnBench.TurnBench())
        {
            figures = await bench.RunAsync(rounds: 2, walks: 3, warmupWalks: 1);
            Assert.Equal(0, bench.AsynchronousTurns);
            folder = bench.Folder;
            Assert.True(Directory.Exists(folder));
        }

        Assert.Equal(TurnBench.TurnBench.Walk, figures.Select(f => f.Text));
        Assert.Equal(Enumerable.Range(1, 10), figures.Select(f => f.Turn));
        Assert.All(figures, f => Assert.True(f.AllocatedBytes > 1_000 && f.MinMicroseconds > 0 && f.MedianMicroseconds >= f.MinMicroseconds, $"turn {f.Turn}: {f}"));
        Assert.False(Directory.Exists(folder), "the bench's SQLite folder is removed");
    }

    [Fact]
    public void Format_ATurnsFigures_SumsTheWalkAndAveragesATurn()
    {
        var figures = new[] { new TurnFigures(1, "hello", 10, 12, 1_000), new TurnFigures(2, "yes", 20, 30, 3_000) };

        var lines = TurnReport.Format(figures, rounds: 5, walks: 1000, warmup: 3000, asynchronousTurns: 0).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("5 rounds of 1,000 walks", lines[0]);
        Assert.Matches(@"^walk\s+30\.0\s+42\.0\s+4,000$", lines[4].TrimEnd());
        Assert.Matches(@"^a turn \(mean\)\s+15\.0\s+21\.0\s+2,000$", lines[5].TrimEnd());
        Assert.Equal(6, lines.Length);
    }
}
