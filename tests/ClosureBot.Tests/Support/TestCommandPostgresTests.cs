using System.Diagnostics;
using ClosureBot.Tests.Cards;

namespace ClosureBot.Tests.Support;

// The test command's PostgreSQL (tests/postgres.sh, sourced by tests/run.sh) stops and is removed however the script
// ends. Killed outright (SIGKILL), the script runs no EXIT trap, and the server, which left the script's process group
// when it started, outlived it (this test's KILL case failed so) until a watcher in its own session stopped it.
public sealed class TestCommandPostgresTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task TheCluster_StopsAndIsRemoved_WhenTheScriptIsKilledWithItsGroup(string signal)
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "bash", "-c", "set -euo pipefail; source tests/postgres.sh; start_test_postgres; echo \"$$ $pg_root\"; sleep 120" })
            start.ArgumentList.Add(argument);
        using var script = Process.Start(start)!;
        string? root = null;
        try
        {
            var line = await script.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(90))
                       ?? throw new InvalidOperationException("The script ended before the cluster started.");
            var parts = line.Split(' ', 2);
            var group = int.Parse(parts[0]);
            root = parts[1];
            var postmaster = int.Parse(File.ReadLines(Path.Combine(root, "data", "postmaster.pid")).First());
            Assert.True(IsRunning(postmaster), "the server runs while the script does");

            using (var kill = Process.Start("kill", ["-s", signal, "--", $"-{group}"])) await kill.WaitForExitAsync();

            var deadline = Stopwatch.StartNew();
            while ((IsRunning(postmaster) || Directory.Exists(root)) && deadline.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(200);
            Assert.False(IsRunning(postmaster), $"the server still runs {deadline.Elapsed.TotalSeconds:F0} s after SIG{signal}");
            Assert.False(Directory.Exists(root), $"{root} is still there");
        }
        finally
        {
            if (!script.HasExited) script.Kill(entireProcessTree: true);
        }
    }

    private static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');
}
