using ClosureBot.Hosting;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

public sealed class NativeMemoryTrimmerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("closurebot-trim-").FullName;

    [Fact]
    public void Applies_OnlyInTheBotsOwnProcessAndWithAnInterval()
    {
        var app = typeof(NativeMemoryTrimmer).Assembly;

        Assert.Equal(OperatingSystem.IsLinux(), NativeMemoryTrimmer.Applies(2, app));
        // The tests' own process hosts many bots (WebApplicationFactory): its allocator is left alone.
        Assert.False(NativeMemoryTrimmer.Applies(2, typeof(NativeMemoryTrimmerTests).Assembly));
        Assert.False(NativeMemoryTrimmer.Applies(2, null));
        Assert.False(NativeMemoryTrimmer.Applies(0, app));
    }

    [Fact]
    public void Next_SlowTrim_DoublesTheIntervalUpToAMinute()
    {
        var fast = TimeSpan.FromMilliseconds(1);
        var slow = NativeMemoryTrimmer.SlowTrim + TimeSpan.FromMilliseconds(1);

        Assert.Equal(TimeSpan.FromSeconds(2), NativeMemoryTrimmer.Next(TimeSpan.FromSeconds(2), fast));
        Assert.Equal(TimeSpan.FromSeconds(4), NativeMemoryTrimmer.Next(TimeSpan.FromSeconds(2), slow));
        Assert.Equal(TimeSpan.FromMinutes(1), NativeMemoryTrimmer.Next(TimeSpan.FromSeconds(40), slow));
        Assert.Equal(TimeSpan.FromMinutes(1), NativeMemoryTrimmer.Next(TimeSpan.FromMinutes(1), slow));
        // An interval configured above a minute is never shortened.
        Assert.Equal(TimeSpan.FromMinutes(5), NativeMemoryTrimmer.Next(TimeSpan.FromMinutes(5), slow));
    }

    [Fact]
    public async Task BotStartedAlone_TrimsWhileServingCustomers()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var bot = await BotChildProcess.StartAsync(_folder, new Dictionary<string, string>
        {
            ["Memory:TrimIntervalSeconds"] = "0.2",
            ["Serilog:MinimumLevel:Override:ClosureBot.Hosting.NativeMemoryTrimmer"] = "Debug",
        });

        var customer = bot.WebChat();
        for (var i = 0; i < 3; i++) Assert.NotEmpty((await customer.Send("hi")).Activities);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!bot.Output.Contains("Native memory trimmed") && DateTime.UtcNow < deadline) await Task.Delay(100);

        Assert.Contains("given back every 0.2 s", bot.Output);
        Assert.Contains("Native memory trimmed", bot.Output);
        Assert.NotEmpty((await customer.Send("help")).Activities);
    }

    [Fact]
    public async Task BotStartedAlone_IntervalZero_DoesNotTrim()
    {
        await using var bot = await BotChildProcess.StartAsync(_folder, new Dictionary<string, string>
        {
            ["Memory:TrimIntervalSeconds"] = "0",
            ["Serilog:MinimumLevel:Override:ClosureBot.Hosting.NativeMemoryTrimmer"] = "Debug",
        });

        var customer = bot.WebChat();
        Assert.NotEmpty((await customer.Send("hi")).Activities);
        await Task.Delay(1_000);

        Assert.DoesNotContain("Native memory", bot.Output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
