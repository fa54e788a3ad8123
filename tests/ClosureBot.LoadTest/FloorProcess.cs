using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>
/// The bare floor (<c>tests/ClosureBot.LoadTest.Floor</c>): started with <c>dotnet</c> on a free loopback port and a temp
/// SQLite file of its own, stopped by PID, its file removed.
/// </summary>
public sealed class FloorProcess : IBotUnderTest
{
    private readonly Process _process;
    private readonly string _database;

    private FloorProcess(Process process, Uri url, string database, long startedAt)
    {
        _process = process;
        Url = url;
        _database = database;
        StartedAt = startedAt;
    }

    public Uri Url { get; }
    public int Pid => _process.Id;
    public long StartedAt { get; }

    /// <summary>The floor's build output beside the load command's, in <paramref name="configuration"/> (Release for the load command).</summary>
    public static string DllIn(string repositoryRoot, string configuration = "Release") =>
        Path.Combine(repositoryRoot, "tests", "ClosureBot.LoadTest.Floor", "bin", configuration, "net10.0", "ClosureBot.LoadTest.Floor.dll");

    public static async Task<FloorProcess> StartAsync(string dllPath, HttpClient http)
    {
        if (!File.Exists(dllPath))
            throw new FileNotFoundException($"Build the floor first: dotnet build -c Release tests/ClosureBot.LoadTest.Floor (looked for {dllPath}).");
        var url = new Uri($"http://127.0.0.1:{BotProcess.FreeLoopbackPort()}");
        var database = Path.Combine(Path.GetTempPath(), $"closurebot-floor-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dllPath, "--urls", url.ToString().TrimEnd('/'), "--db", database }) start.ArgumentList.Add(arg);
        GeneratorSockets.KeepFrom(start);
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the floor.");
        var floor = new FloorProcess(process, url, database, startedAt);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) Console.Error.WriteLine($"  [floor {process.Id}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await HealthWait.UntilHealthyAsync(process, url, "floor", http, TimeSpan.FromSeconds(30));
        }
        catch
        {
            await floor.DisposeAsync();
            throw;
        }
        return floor;
    }

    /// <summary>The SQLite file the floor writes (with its <c>-wal</c> and <c>-shm</c> beside it while it runs).</summary>
    public string Database => _database;

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.StopAsync(_process);
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(_database + suffix);
    }
}
