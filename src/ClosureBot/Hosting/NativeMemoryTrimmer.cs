using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClosureBot.Hosting;

/// <summary>Settings of <see cref="NativeMemoryTrimmer"/> (section <c>Memory</c>).</summary>
public sealed class MemoryOptions
{
    public const string SectionName = "Memory";

    /// <summary>Seconds between two trims of the C allocator's free pages; 0 switches the trimmer off. Default 2.</summary>
    public double TrimIntervalSeconds { get; set; } = 2;
}

/// <summary>
/// Gives the C library's allocator's free pages back to the system every few seconds (glibc's <c>malloc_trim</c>).
/// The runtime's native allocations (the JIT compiling methods while the bot warms up, SQLite, OpenSSL) leave glibc's
/// arenas holding about 10 MiB of freed pages that glibc keeps for later; resident memory counts them
/// (tests/ClosureBot.LoadTest/MEASUREMENTS.md, thirteenth measurement). A trim walks the arenas with each one's lock held in turn, so:
/// <list type="bullet">
/// <item>it runs only in the bot's own process (the entry assembly is the app's): a host inside another process, such as
/// the tests' <c>WebApplicationFactory</c>, leaves that process's allocator alone;</item>
/// <item>one trimmer per process, however many hosts it starts;</item>
/// <item>a trim that took longer than <see cref="SlowTrim"/> doubles the interval (up to a minute), so a process whose
/// arenas have grown large trims rarely;</item>
/// <item>it does nothing where the C library has no <c>malloc_trim</c> (musl, macOS, Windows).</item>
/// </list>
/// </summary>
internal sealed class NativeMemoryTrimmer(IOptions<MemoryOptions> options, TimeProvider time, ILogger<NativeMemoryTrimmer> logger)
    : BackgroundService
{
    internal static readonly TimeSpan SlowTrim = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestInterval = TimeSpan.FromMinutes(1);
    private static int _running;

    /// <summary>Whether a trimmer with this interval should run in a process whose entry assembly is <paramref name="entry"/>.</summary>
    internal static bool Applies(double intervalSeconds, Assembly? entry) =>
        intervalSeconds > 0 && entry == typeof(NativeMemoryTrimmer).Assembly && OperatingSystem.IsLinux();

    /// <summary>The interval after a trim that took <paramref name="took"/>.</summary>
    internal static TimeSpan Next(TimeSpan interval, TimeSpan took) =>
        took > SlowTrim ? TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, Math.Max(interval.Ticks, LongestInterval.Ticks))) : interval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.TrimIntervalSeconds;
        if (!Applies(seconds, Assembly.GetEntryAssembly())) return;
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0) return;
        try
        {
            var interval = TimeSpan.FromSeconds(seconds);
            logger.LogInformation("Native memory: the C allocator's free pages are given back every {IntervalSeconds} s", seconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stoppingToken);
                var started = time.GetTimestamp();
                int released;
                try
                {
                    released = MallocTrim(0);
                }
                catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
                {
                    logger.LogInformation("Native memory: this C library has no malloc_trim; nothing to trim");
                    return;
                }

                var took = time.GetElapsedTime(started);
                logger.LogDebug("Native memory trimmed in {TrimMs:F1} ms (pages released: {Released})", took.TotalMilliseconds, released != 0);
                interval = Next(interval, took);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    // int malloc_trim(size_t pad): 1 when memory was given back to the system.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
