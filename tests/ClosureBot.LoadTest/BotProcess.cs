using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClosureBot.LoadTest;

/// <summary>The Release bot launched for one row: a free loopback port, a temp SQLite database, stopped by PID.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _databasePath;

    private BotProcess(Process process, Uri url, string databasePath)
    {
        _process = process;
        Url = url;
        _databasePath = databasePath;
    }

    public Uri Url { get; }
    public int Pid => _process.Id;

    public static async Task<BotProcess> StartAsync(string dllPath, IReadOnlyList<string> botArgs, HttpClient http)
    {
        if (!File.Exists(dllPath))
            throw new FileNotFoundException($"Build the bot first: dotnet build -c Release src/ClosureBot (looked for {dllPath}).");
        var port = FreeLoopbackPort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var databasePath = Path.Combine(Path.GetTempPath(), $"closurebot-load-{Guid.NewGuid():N}.db");
        // The content root is the project folder, as when the bot is run from src/ClosureBot.
        var contentRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dllPath)!, "..", "..", ".."));
        var inventoryPath = WriteInventory(contentRoot, databasePath + ".inventory.json");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The customers post to /api/messages without a channel token, which the bot accepts only in Development and
        // only from loopback: the bot listens on 127.0.0.1 and the generator calls it there.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var arg in new[]
                 {
                     dllPath, "--urls", url.ToString().TrimEnd('/'), "--contentRoot", contentRoot,
                     $"--Storage:ConnectionString=Data Source={databasePath}", $"--Inventory:FilePath={inventoryPath}",
                     "--Serilog:MinimumLevel:Default=Warning",
                     "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning",
                 }.Concat(botArgs.Select(a => "--" + a)))
            start.ArgumentList.Add(arg);

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        var bot = new BotProcess(process, url, databasePath);
        process.OutputDataReceived += (_, e) => bot.Echo(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitUntilHealthyAsync(http, TimeSpan.FromSeconds(30));
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal", ".inventory.json" })
            File.Delete(_databasePath + suffix);
    }

    private async Task WaitUntilHealthyAsync(HttpClient http, TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The bot exited with code {_process.ExitCode} while starting.");
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/healthz"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The bot did not become healthy within {limit.TotalSeconds} s.");
    }

    // The bot logs at Warning and above only; anything it says during a run deserves to be seen.
    private void Echo(string? line)
    {
        if (!string.IsNullOrEmpty(line)) Console.Error.WriteLine($"  [bot {Pid}] {line}");
    }

    private static int FreeLoopbackPort()
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
    private static string WriteInventory(string contentRoot, string path)
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
