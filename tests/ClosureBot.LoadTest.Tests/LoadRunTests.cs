namespace ClosureBot.LoadTest.Tests;

public sealed class LoadRunTests
{
    [Fact]
    public void OrderOfRound_EachRoundStartsOneTargetLater_SoEachRunsFirstOnceAndAllRunInEveryRound()
    {
        Assert.Equal([0, 1, 2], LoadRun.OrderOfRound(3, 1));
        Assert.Equal([1, 2, 0], LoadRun.OrderOfRound(3, 2));
        Assert.Equal([2, 0, 1], LoadRun.OrderOfRound(3, 3));
        Assert.Equal([0, 1, 2], LoadRun.OrderOfRound(3, 4));
        Assert.Equal([1, 0], LoadRun.OrderOfRound(2, 2));
        Assert.Equal([0], LoadRun.OrderOfRound(1, 5));
        for (var targets = 1; targets <= 4; targets++)
        {
            var firsts = Enumerable.Range(1, targets).Select(round => LoadRun.OrderOfRound(targets, round)[0]);
            Assert.Equal(Enumerable.Range(0, targets), firsts.Order());
            for (var round = 1; round <= 9; round++)
                Assert.Equal(Enumerable.Range(0, targets), LoadRun.OrderOfRound(targets, round).Order());
        }
    }

    [Fact]
    public async Task MeasureRoundAsync_RunsTheTargetsInTheRoundsOrder_AndGivesTheirResultsInTheTargetsOwnOrder()
    {
        var ran = new List<int>();

        var results = await LoadRun.MeasureRoundAsync(3, round: 2, async index =>
        {
            ran.Add(index);
            await Task.Yield();
            return $"target {index}";
        });

        Assert.Equal([1, 2, 0], ran);
        Assert.Equal(["target 0", "target 1", "target 2"], results);
    }

    [Fact]
    public void Line_EndsWithHowBusyTheMachineWas_UnderItsHeader()
    {
        var header = LoadRun.Header();
        var line = LoadRun.Line(Row(machineBusy: 0.837));

        Assert.EndsWith("machine busy", header);
        Assert.Equal(["32", "1000", "100", "4.00", "4.00", "4.00", "4.00", "0", "150.0", "150.0", "2000", "300", "84", "%"], Cells(line));
        // Each figure ends where its heading does, so the column reads straight down.
        Assert.Equal(header.Length, line.Length);
    }

    [Fact]
    public void Line_WithoutTheKernelsCounters_SaysNotMeasured()
    {
        var line = LoadRun.Line(Row(machineBusy: null), labelled: true);

        Assert.StartsWith("ours SQLite ", line);
        Assert.Equal("n/a", Cells(line)[^1]);
        Assert.Equal(LoadRun.Header(labelled: true).Length, line.Length);
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static RowResult Row(double? machineBusy)
    {
        var latencies = new LatencyHistogram();
        for (var i = 0; i < 1000; i++) latencies.Record(4_000);
        return new RowResult(32, latencies, TimeSpan.FromSeconds(10), 0, null, 150 * 1024, 150 * 1024, TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(0.3), "ours SQLite", machineBusy);
    }
}
