using System.Runtime.InteropServices;

namespace ClosureBot.Hosting;

/// <summary>
/// <c>Hosting:NativeMemoryTrimInterval</c> (2 s by default, <c>0</c> = off): on Linux with glibc, asks the C allocator
/// every interval to give the free pages of its arenas back to the system (<c>malloc_trim(0)</c>). glibc keeps memory
/// that the JIT, SQLite and the runtime's native code allocated and freed in per-thread arenas, and returns it only
/// from the top of the main heap; at 32 customers those arenas held about 20 MiB of free pages (README, Load test,
/// eleventh measurement). Where the function does not exist (another C library) the trimmer stops after the first try.
/// </summary>
internal sealed class NativeMemoryTrimmer(IConfiguration configuration, TimeProvider time, ILogger<NativeMemoryTrimmer> logger)
    : BackgroundService
{
    public const string SettingKey = "Hosting:NativeMemoryTrimInterval";
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(2);

    /// <summary>How many times the allocator was asked (for tests).</summary>
    public int Trims => Volatile.Read(ref _trims);

    private int _trims;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(SettingKey, DefaultInterval);
        if (interval <= TimeSpan.Zero || !OperatingSystem.IsLinux()) return;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!TryTrim()) return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private bool TryTrim()
    {
        try
        {
            MallocTrim(0);
            Interlocked.Increment(ref _trims);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            logger.LogInformation("The C library has no malloc_trim; native memory is left to the allocator ({Reason})", e.GetType().Name);
            return false;
        }
    }

    // DllImport, not LibraryImport: the signature is blittable and the project allows no unsafe code.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
