using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>Stopping a process this command started (a bot, the floor, the peer): by its PID, waited for, then released.</summary>
public static class ChildProcess
{
    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        process.Dispose();
    }
}
