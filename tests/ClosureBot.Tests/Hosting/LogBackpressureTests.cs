using System.Diagnostics;
using System.Net;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

/// <summary>
/// The bot writes its log to standard output, where a container runtime reads it. A reader that stops reading (a stalled
/// log driver; here, a pipe nobody reads) must not stop the bot: its log lines wait in a bounded queue, and customers are
/// still answered.
/// </summary>
public sealed class LogBackpressureTests
{
    [Fact]
    public async Task StandardOutput_NobodyReadsIt_RequestsAreStillAnswered()
    {
        var folder = Directory.CreateTempSubdirectory("closurebot-stdout-").FullName;
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        // Every request is logged at Information, as in the shipped configuration.
        var start = BotChildProcess.StartInfo(folder, url, new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Information" });
        using var process = Process.Start(start)!;
        try
        {
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            // Standard output is read until the bot listens, then never again: the pipe (64 KiB on Linux) fills up.
            while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line
                   && !line.Contains("Now listening on", StringComparison.Ordinal))
            {
            }

            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
            // Each request writes a log line of about 100 bytes: 2,000 of them are three times what the pipe holds.
            for (var i = 0; i < 2_000; i++)
            {
                using var response = await http.GetAsync("/healthz");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            TempFolder.Delete(folder);
        }
    }
}
