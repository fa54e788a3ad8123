using System.Diagnostics;

namespace ClosureBot.LoadTest.Tests;

public sealed class MachineCpuTests
{
    [Fact]
    public void Parse_TheKernelsFirstLine_CountsIdleAndIoWaitAsNotBusy()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice
        var cpu = MachineCpu.Parse("cpu  5000 100 2000 9000 400 50 250 0 300 0");

        Assert.Equal(new MachineCpu(5000 + 100 + 2000 + 50 + 250, 5000 + 100 + 2000 + 50 + 250 + 9000 + 400), cpu);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cpu0 1 2 3 4 5 6 7 8")]
    [InlineData("cpu  1 2 3 4 5 6 7")]
    [InlineData("cpu  1 2 three 4 5 6 7 8")]
    [InlineData("cpu  1 2 -3 4 5 6 7 8")]
    public void Parse_AnythingElse_IsNull(string? line) => Assert.Null(MachineCpu.Parse(line));

    [Fact]
    public void BusyShare_IsTheBusyPartOfTheTicksBetweenTwoSamples()
    {
        var before = new MachineCpu(1_000, 4_000);
        var after = new MachineCpu(1_000 + 150, 4_000 + 200);

        Assert.Equal(0.75, MachineCpu.BusyShare(before, after));
        Assert.Null(MachineCpu.BusyShare(before, before));
        Assert.Null(MachineCpu.BusyShare(null, after));
        Assert.Null(MachineCpu.BusyShare(before, null));
    }

    [Fact]
    public void Sample_SeesThisProcessSpin()
    {
        var before = MachineCpu.Sample();
        var spun = Stopwatch.StartNew();
        while (spun.ElapsedMilliseconds < 300) Thread.SpinWait(1_000);
        var after = MachineCpu.Sample();

        Assert.NotNull(before);
        Assert.NotNull(after);
        // 300 ms of one thread spinning is at least 1 / cores of the time, whatever else the machine did meanwhile.
        var share = MachineCpu.BusyShare(before, after);
        Assert.NotNull(share);
        Assert.InRange(share.Value, 0.8 / Environment.ProcessorCount, 1.0);
    }
}
