using System.Diagnostics;
using System.Text;
using ClosureBot.Tests.Cards;

using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Deploy;

/// <summary>
/// The compose file's reverse proxy without Docker: Debian's nginx (tests/run.sh installs it) as a child process that
/// runs <c>deploy/nginx.conf</c> itself — symlinked into a temp folder, so the <c>nginx/upstreams.conf</c> and
/// <c>nginx/listen.conf</c> it includes are this folder's (the bots' and the proxy's loopback ports) instead of the
/// compose ones. Only the pid file and "don't daemonize" are given on the command line, as the nginx image's command does.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Marker, TaskCompletionSource<string> Line)> _awaited = [];

    private NginxProxy(Process process, string folder, Uri url) => (_process, _folder, Url) = (process, folder, url);

    public Uri Url { get; }

    /// <summary>The config file nginx was started with (a symlink to <c>deploy/nginx.conf</c>).</summary>
    public string ConfigFile => Path.Combine(_folder, "nginx.conf");

    /// <summary>What nginx wrote: its access log (stdout) and error log (stderr).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<NginxProxy> StartAsync(params Uri[] upstreams)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is needed by this test: install Debian's nginx package (tests/run.sh does).");
        var folder = Directory.CreateTempSubdirectory("closurebot-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "nginx"));
        File.CreateSymbolicLink(Path.Combine(folder, "nginx.conf"), Path.Combine(RepoPaths.Root, "deploy", "nginx.conf"));
        File.WriteAllLines(Path.Combine(folder, "nginx", "upstreams.conf"),
            upstreams.Select(u => $"server {u.Host}:{u.Port} max_fails=1 fail_timeout=10s;"));
        var port = LoopbackPort.Free();
        File.WriteAllText(Path.Combine(folder, "nginx", "listen.conf"), $"listen 127.0.0.1:{port};\n");

        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        // A second error_log at notice level adds the "start worker process" lines this waits for.
        foreach (var argument in new[] { "-c", Path.Combine(folder, "nginx.conf"), "-p", folder + "/", "-e", "stderr",
                     "-g", $"daemon off; pid {Path.Combine(folder, "nginx.pid")}; error_log stderr notice;" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, folder, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => proxy.Record(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Record(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => proxy._started.TrySetException(new InvalidOperationException($"nginx exited while starting:\n{proxy.Output}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // If this test process dies without disposing, a watcher stops nginx (its workers would outlive a killed master).
        var watcher = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId} && kill -0 {process.Id}; do sleep 1; done; kill -TERM {process.Id}" })
            watcher.ArgumentList.Add(argument);
        Process.Start(watcher)!.Dispose();
        await proxy._started.Task.WaitAsync(StartLimit);
        return proxy;
    }

    /// <summary>The next access log line containing <paramref name="marker"/> (lines already written count).</summary>
    public Task<string> AccessLineAsync(string marker)
    {
        lock (_output)
        {
            if (_output.ToString().Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal)) is { } seen)
                return Task.FromResult(seen);
            var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((marker, line));
            return line.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the master stops its workers (SIGKILL would leave them running).
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await kill.WaitForExitAsync();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var waiting in _awaited.Where(w => line.Contains(w.Marker, StringComparison.Ordinal)).ToList())
            {
                waiting.Line.TrySetResult(line);
                _awaited.Remove(waiting);
            }
        }
        if (line.Contains("start worker process", StringComparison.Ordinal)) _started.TrySetResult();
    }

}
