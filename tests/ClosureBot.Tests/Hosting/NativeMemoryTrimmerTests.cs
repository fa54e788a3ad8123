using ClosureBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ClosureBot.Tests.Hosting;

public class NativeMemoryTrimmerTests
{
    [Fact]
    public async Task OnLinux_AsksTheAllocatorOncePerInterval()
    {
        Assert.True(OperatingSystem.IsLinux(), "the bot's tests run on Linux");
        var clock = new FakeTimeProvider();
        var trimmer = Trimmer(clock, "00:00:02");
        await trimmer.StartAsync(CancellationToken.None);

        // The service starts its timer on a thread of its own: move the clock until the first trim, then count.
        await Until(() =>
        {
            if (trimmer.Trims == 0) clock.Advance(TimeSpan.FromSeconds(2));
            return trimmer.Trims >= 1;
        });
        await Task.Delay(100);
        var first = trimmer.Trims;
        for (var tick = 1; tick <= 2; tick++)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            await Until(() => trimmer.Trims == first + tick);
        }
        clock.Advance(TimeSpan.FromSeconds(1.5));
        await Task.Delay(100);
        Assert.Equal(first + 2, trimmer.Trims);

        await trimmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnIntervalOfZero_SwitchesItOff()
    {
        var clock = new FakeTimeProvider();
        var trimmer = Trimmer(clock, "0");
        await trimmer.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));

        await trimmer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, trimmer.Trims);
    }

    private static NativeMemoryTrimmer Trimmer(TimeProvider clock, string interval) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [NativeMemoryTrimmer.SettingKey] = interval }).Build(),
        clock, NullLogger<NativeMemoryTrimmer>.Instance);

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
