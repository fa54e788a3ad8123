using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>
/// The Bot Framework JS SDK peer (<c>peer/</c>) under node: its npm packages installed from its lock file when missing
/// or changed (<c>npm ci</c>, once), started on a free loopback port with the same inventory as ClosureBot, stopped by PID.
/// </summary>
public sealed class PeerProcess : IBotUnderTest
{
    private readonly Process _process;
    private readonly string _inventoryPath;

    private PeerProcess(Process process, Uri url, string inventoryPath, long startedAt)
    {
        _process = process;
        Url = url;
        _inventoryPath = inventoryPath;
        StartedAt = startedAt;
    }

    public Uri Url { get; }
    public int Pid => _process.Id;
    public long StartedAt { get; }

    /// <summary>Installs the peer's packages unless <c>node_modules</c> was installed from this very lock file.</summary>
    public static void EnsureInstalled(string peerDir)
    {
        var lockFile = Path.Combine(peerDir, "package-lock.json");
        var stamp = Path.Combine(peerDir, "node_modules", ".lock-stamp");
        if (File.Exists(stamp) && File.ReadAllBytes(stamp).AsSpan().SequenceEqual(File.ReadAllBytes(lockFile))) return;
        Console.Error.WriteLine("  [peer] npm ci (botbuilder 4.23.3, from peer/package-lock.json) ...");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = peerDir };
        GeneratorSockets.KeepFrom(start);
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" }) start.ArgumentList.Add(arg);
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm: install Node.js (with npm) to run --peer.");
        npm.WaitForExit();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"npm ci in {peerDir} failed with exit code {npm.ExitCode}.");
        File.Copy(lockFile, stamp, overwrite: true);
    }

    public static async Task<PeerProcess> StartAsync(string peerDir, string contentRoot, HttpClient http, bool waitUntilHealthy = true)
    {
        var url = new Uri($"http://127.0.0.1:{BotProcess.FreeLoopbackPort()}");
        var inventoryPath = BotProcess.WriteInventory(contentRoot, Path.Combine(Path.GetTempPath(), $"closurebot-peer-{Guid.NewGuid():N}.inventory.json"));
        var start = new ProcessStartInfo("node") { WorkingDirectory = peerDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "index.js", "--port", url.Port.ToString(), "--inventory", inventoryPath }) start.ArgumentList.Add(arg);
        GeneratorSockets.KeepFrom(start);
        start.Environment["NODE_ENV"] = "production";
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node: install Node.js to run --peer.");
        var peer = new PeerProcess(process, url, inventoryPath, startedAt);
        // Its one start-up line is not news; errors are.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) Console.Error.WriteLine($"  [peer {process.Id}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilHealthy) await peer.WaitUntilHealthyAsync(http, TimeSpan.FromSeconds(60));
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.StopAsync(_process);
        File.Delete(_inventoryPath);
    }

    private Task WaitUntilHealthyAsync(HttpClient http, TimeSpan limit) => HealthWait.UntilHealthyAsync(_process, Url, "peer", http, limit);
}
