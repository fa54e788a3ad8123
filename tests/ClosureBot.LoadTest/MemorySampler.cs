namespace ClosureBot.LoadTest;

/// <summary>
/// Samples a process's resident set from /proc/&lt;pid&gt;/status every 100 ms and keeps the peak; also reads its CPU time
/// from /proc/&lt;pid&gt;/stat, the figure that stays meaningful when other work competes for the cores. Given several
/// processes (instances of one bot), each figure is their sum: the peak is the highest sum seen in one sample.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly string[] _statusPaths;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(int pid) : this([pid])
    {
    }

    public MemorySampler(IReadOnlyList<int> pids)
    {
        _statusPaths = pids.Select(pid => $"/proc/{pid}/status").ToArray();
        _loop = SampleAsync();
    }

    /// <summary>Highest VmRSS seen while sampling, in KiB.</summary>
    public long PeakRssKiB { get; private set; }

    /// <summary>The kernel's high-water mark (VmHWM) for the whole life of the process, in KiB.</summary>
    public long HighWaterMarkKiB => _statusPaths.Sum(path => Read(path, "VmHWM:"));

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public TimeSpan CpuTime => TimeSpan.FromTicks(_statusPaths.Sum(path => CpuTimeOf(path).Ticks));

    private static TimeSpan CpuTimeOf(string statusPath)
    {
        try
        {
            // Fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" that ends the command name.
            var stat = File.ReadAllText(statusPath[..^"status".Length] + "stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / (double)ClockTicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
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
            PeakRssKiB = Math.Max(PeakRssKiB, _statusPaths.Sum(path => Read(path, "VmRSS:")));
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

    private static long Read(string statusPath, string field)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
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
