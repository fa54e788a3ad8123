namespace ClosureBot.LoadTest;

/// <summary>
/// Samples a process's resident set from /proc/&lt;pid&gt;/status every 100 ms and keeps the peak; also reads its CPU time
/// from /proc/&lt;pid&gt;/stat, the figure that stays meaningful when other work competes for the cores.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly string _statusPath;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(int pid)
    {
        _statusPath = $"/proc/{pid}/status";
        _loop = SampleAsync();
    }

    /// <summary>Highest VmRSS seen while sampling, in KiB.</summary>
    public long PeakRssKiB { get; private set; }

    /// <summary>The kernel's high-water mark (VmHWM) for the whole life of the process, in KiB.</summary>
    public long HighWaterMarkKiB => Read("VmHWM:");

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                // Fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" that ends the command name.
                var stat = File.ReadAllText(_statusPath[..^"status".Length] + "stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / (double)ClockTicksPerSecond);
            }
            catch (IOException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    // USER_HZ is 100 on every Linux architecture .NET runs on.
    private const int ClockTicksPerSecond = 100;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            PeakRssKiB = Math.Max(PeakRssKiB, Read("VmRSS:"));
        }
        while (await SafeWaitAsync(timer));
    }

    private async Task<bool> SafeWaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private long Read(string field)
    {
        try
        {
            foreach (var line in File.ReadLines(_statusPath))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim());
        }
        catch (IOException)
        {
            // The process has gone; keep what was seen.
        }
        return 0;
    }
}
