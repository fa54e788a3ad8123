using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Cards;

namespace ClosureBot.Tests.Support;

/// <summary>
/// The built bot (<c>src/ClosureBot/bin/{Configuration}/net10.0/ClosureBot.dll</c>) as a child process in Development, on a
/// free port of 127.0.0.1, with its SQLite file in <paramref name="folder"/>. <see cref="Kill"/> is SIGKILL: nothing of the
/// process gets to run, as when a machine or container dies. A new one on the same folder is the restarted bot.
/// </summary>
public sealed class BotChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotChildProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The files the process has mapped now (Linux, <c>/proc/PID/maps</c>): its loaded assemblies and libraries.</summary>
    public IReadOnlySet<string> MappedFiles() => File.ReadLines($"/proc/{_process.Id}/maps")
        .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
        .Where(fields => fields.Length == 6 && fields[5].TrimStart().StartsWith('/'))
        .Select(fields => Path.GetFileName(fields[5].Trim()))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>What the bot wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <param name="environment">The hosting environment (Development unless a test runs the app as deployed).</param>
    /// <param name="variables">Environment variables for the process (e.g. a compose file's), under the command-line settings.</param>
    public static async Task<BotChildProcess> StartAsync(string folder, IDictionary<string, string>? settings = null, string environment = "Development",
        IReadOnlyDictionary<string, string>? variables = null)
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = StartInfo(folder, url, settings, environment, variables);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        var bot = new BotChildProcess(process, url);
        process.OutputDataReceived += (_, e) => bot.Record(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Record(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => bot._listening.TrySetException(new InvalidOperationException($"The bot exited while starting:\n{bot.Output}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot._listening.Task.WaitAsync(StartLimit);
        return bot;
    }

    /// <summary>The command that starts the bot on <paramref name="url"/>, its output redirected (see <see cref="StartAsync"/>).</summary>
    public static ProcessStartInfo StartInfo(string folder, Uri url, IDictionary<string, string>? settings = null, string environment = "Development",
        IReadOnlyDictionary<string, string>? variables = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var project = Path.Combine(RepoPaths.Root, "src", "ClosureBot");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "ClosureBot.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        // The in-process test hosts switch the runtime's inline socket completions on for this process (see
        // InlineSocketCompletions); a child bot decides from its own configuration, as it would when started alone.
        start.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS");
        foreach (var (name, value) in variables ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        var all = new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "closurebot.db")}",
            ["Admin:ApiKey"] = BotApplicationFactory.AdminKey,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        foreach (var arg in new[] { dll, "--urls", url.ToString().TrimEnd('/'), "--contentRoot", project }.Concat(all.Select(s => $"--{s.Key}={s.Value}")))
            start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await WaitForExitAsync();
    }

    public Task WaitForExitAsync() => _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>A customer of this bot over <c>/api/messages</c>.</summary>
    public ConversationClient WebChat() =>
        ConversationClient.FromPayload(Http, "webchat-message.json", BotApplicationFactory.NewId("dl_"), BotApplicationFactory.NewId("conv-"));

    public async Task<JsonArray> ClosureRequestsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/closure-requests");
        request.Headers.Add("X-Api-Key", BotApplicationFactory.AdminKey);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Now listening on", StringComparison.Ordinal)) _listening.TrySetResult();
    }

}
