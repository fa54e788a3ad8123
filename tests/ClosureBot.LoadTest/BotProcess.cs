using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClosureBot.LoadTest;

/// <summary>
/// A Release bot launched for one row: a free loopback port, on the store given to it (see <see cref="LoadStore"/>),
/// stopped by PID.
/// </summary>
public sealed class BotProcess : IBotUnderTest
{
    private readonly Process _process;
    private readonly string _inventoryPath;
    private readonly List<string> _said = [];
    private readonly List<(string Fragment, TaskCompletionSource Seen)> _awaited = [];

    private BotProcess(Process process, Uri url, string inventoryPath, long startedAt)
    {
        _process = process;
        Url = url;
        _inventoryPath = inventoryPath;
        StartedAt = startedAt;
    }

    /// <summary>
    /// The runtime settings <c>deploy/Dockerfile</c> gives the bot in its environment (the runtime reads them from nowhere
    /// else), so that the bots this command starts hold the memory a deployed one does: the JIT keeps at most 1 MiB of
    /// its freed working memory (hexadecimal; the runtime's default is 16 MiB, see the Dockerfile). A value the command's
    /// own environment gives is kept, so that another can be measured.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DeployedRuntimeEnvironment =
        new Dictionary<string, string> { ["DOTNET_JitHostMaxSlabCache"] = "100000" };

    public Uri Url { get; }
    public int Pid => _process.Id;

    /// <summary>The <see cref="Stopwatch"/> timestamp just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>
    /// Starts the bot on <paramref name="store"/> with <paramref name="environment"/> added to the command's own and, unless
    /// <paramref name="waitUntilHealthy"/> is false, waits for <c>/healthz</c>.
    /// </summary>
    public static async Task<BotProcess> StartAsync(string dllPath, LoadStore store, IReadOnlyList<string> botArgs, HttpClient http,
        IReadOnlyDictionary<string, string>? environment = null, bool waitUntilHealthy = true)
    {
        if (!File.Exists(dllPath))
            throw new FileNotFoundException($"Build the bot first: dotnet build -c Release src/ClosureBot (looked for {dllPath}).");
        var port = FreeLoopbackPort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var contentRoot = ContentRootOf(dllPath);
        var inventoryPath = WriteInventory(contentRoot, Path.Combine(Path.GetTempPath(), $"closurebot-load-{Guid.NewGuid():N}.inventory.json"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Development unless the environment given says otherwise. With the run's ChannelTokenIssuer (the default) the bot
        // has an app id, checks every turn's channel token and runs in Production, as deployed (the issuer's environment);
        // with --no-channel-auth it has none and accepts a turn without a token only in Development and only from loopback:
        // the bot listens on 127.0.0.1 and the generator calls it there. The inventory is the file this writes, in both.
        GeneratorSockets.KeepFrom(start);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in DeployedRuntimeEnvironment) start.Environment.TryAdd(name, value);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        foreach (var arg in new[]
                 {
                     dllPath, "--urls", url.ToString().TrimEnd('/'), "--contentRoot", contentRoot,
                     $"--Inventory:FilePath={inventoryPath}",
                     "--Serilog:MinimumLevel:Default=Warning",
                     "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning",
                 }.Concat(store.BotArgs.Concat(botArgs).Select(a => "--" + a)))
            start.ArgumentList.Add(arg);

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        var bot = new BotProcess(process, url, inventoryPath, startedAt);
        process.OutputDataReceived += (_, e) => bot.Echo(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilHealthy) await bot.WaitUntilHealthyAsync(http, TimeSpan.FromSeconds(30));
        return bot;
    }

    /// <summary>
    /// The bot's content root: a published app's own folder (it holds <c>wwwroot</c>, as the Docker image does), else the
    /// project folder three levels above a build output, as when run from src/ClosureBot.
    /// </summary>
    public static string ContentRootOf(string dllPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(dllPath))!;
        return Directory.Exists(Path.Combine(folder, "wwwroot")) ? folder : Path.GetFullPath(Path.Combine(folder, "..", "..", ".."));
    }

    /// <summary>Whether the process has ended (it crashed, or was stopped).</summary>
    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.StopAsync(_process);
        File.Delete(_inventoryPath);
    }

    private Task WaitUntilHealthyAsync(HttpClient http, TimeSpan limit) => HealthWait.UntilHealthyAsync(_process, Url, "bot", http, limit);

    // The bot logs at Warning and above only; anything it says during a run deserves to be seen.
    private void Echo(string? line)
    {
        if (string.IsNullOrEmpty(line)) return;
        Console.Error.WriteLine($"  [bot {Pid}] {line}");
        lock (_awaited)
        {
            _said.Add(line);
            foreach (var (fragment, seen) in _awaited)
                if (line.Contains(fragment, StringComparison.Ordinal)) seen.TrySetResult();
        }
    }

    /// <summary>Waits until the bot has written a line containing <paramref name="fragment"/> (before this call or after it).</summary>
    public async Task WaitForOutputAsync(string fragment, TimeSpan limit)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_awaited)
        {
            if (_said.Exists(line => line.Contains(fragment, StringComparison.Ordinal))) return;
            _awaited.Add((fragment, seen));
        }
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(seen.Task, exited, Task.Delay(limit));
        if (done == exited) throw new InvalidOperationException($"The bot exited (code {_process.ExitCode}) before it wrote \"{fragment}\".");
        if (done != seen.Task) throw new TimeoutException($"The bot did not write \"{fragment}\" within {limit.TotalSeconds} s.");
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The most customers one run can have (see <c>--customers</c>).</summary>
    public const int MaxCustomers = 1024;

    /// <summary>The account alias customer <paramref name="customer"/> (1-based) closes in a bot this command started.</summary>
    public static string AccountOf(int customer) => $"LOAD{customer:D4}";

    // The demo inventory plus, for every customer, an account shaped like ACME of their own.
    public static string WriteInventory(string contentRoot, string path)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(contentRoot, "Accounts", "demo-inventory.json")))!;
        var accounts = root["accounts"]!.AsArray();
        var acme = accounts.Single(a => (string?)a!["alias"] == "ACME")!;
        for (var i = 1; i <= MaxCustomers; i++)
        {
            var copy = acme.DeepClone();
            copy["alias"] = AccountOf(i);
            accounts.Add(copy);
        }
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
