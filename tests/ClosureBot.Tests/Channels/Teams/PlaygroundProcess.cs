using System.Diagnostics;
using ClosureBot.Tests.Cards;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Channels.Teams;

// Starts `node …/m365agentsplayground/cli.js` with no browser, on a free port of 127.0.0.1, in a temp working folder.
public static class PlaygroundProcess
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    public static async Task<(Process Process, int Port, string Folder)> StartAsync(Uri botEndpoint, string channel)
    {
        var cli = Path.Combine(RepoPaths.TestsFolder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli)) throw new InvalidOperationException($"@microsoft/m365agentsplayground is missing from tests/node_modules. {NodeScript.InstallHint}");
        // Its port option falls back to a random port when the one asked for is taken; then the serviceUrl it gives the
        // bot would be wrong, so that start is abandoned and another port tried.
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var folder = Directory.CreateTempSubdirectory("closurebot-playground-").FullName;
            var start = new ProcessStartInfo("node",
            [
                "-r", Path.Combine(RepoPaths.TestsFolder, "ClosureBot.Tests", "Channels", "Teams", "playground-loopback.cjs"), cli,
                "--app-endpoint", botEndpoint.ToString(), "--channel-id", channel, "--port", $"{port}",
                "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry",
            ])
            { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
            var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var listening = await ReadListeningPortAsync(process);
            if (listening == port) return (process, port, folder);
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Directory.Delete(folder, recursive: true);
            if (attempt == 3) throw new InvalidOperationException($"The Playground did not start on the port it was given (last: {listening}).");
        }
    }

    private static async Task<int?> ReadListeningPortAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(StartLimit);
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("Listening on ", StringComparison.Ordinal) && int.TryParse(line["Listening on ".Length..], out var port))
                {
                    _ = process.StandardOutput.ReadToEndAsync(); // keep the pipe drained
                    return port;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Not listening in time: treated like a wrong port.
        }
        return null;
    }

}
