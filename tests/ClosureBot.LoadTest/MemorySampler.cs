namespace ClosureBot.LoadTest;

/// <summary>Samples a process's resident set from /proc/&lt;pid&gt;/status every 100 ms and keeps the peak.</summary>
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
