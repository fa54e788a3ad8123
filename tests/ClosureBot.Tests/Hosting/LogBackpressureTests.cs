using System.Diagnostics;
using System.Net;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

/// <summary>
/// The bot writes its log to standard output, where a container runtime reads it. A reader that stops reading (a stalled
/// log driver; here, a pipe nobody reads) must not stop the bot: its log lines wait in a bounded queue, past the bound
/// they are dropped, customers are still answered, and what is queued is written when the bot stops.
/// </summary>
public sealed class LogBackpressureTests
{
    // A request's log line is about 200 bytes: 2,000 of them are six times what the pipe holds (64 KiB on Linux).
    private const int Requests = 2_000;

    [Fact]
    public async Task StandardOutput_NobodyReadsIt_RequestsAreAnsweredAndEveryLineIsWrittenWhenTheBotStops()
    {
        var output = await RequestsWithStandardOutputUnreadAsync(new Dictionary<string, string>());

        Assert.Equal(Requests, RequestLines(output));
        Assert.Contains("Application is shutting down", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandardOutput_NobodyReadsIt_PastTheQueuesBoundLinesAreDroppedAndRequestsStillAnswered()
    {
        var output = await RequestsWithStandardOutputUnreadAsync(new Dictionary<string, string> { ["Serilog:WriteTo:0:Args:bufferSize"] = "100" });

        // The queue may still be full when the bot stops, so its own shutdown line may be among those dropped.
        Assert.InRange(RequestLines(output), 1, Requests - 1);
    }

    /// <summary>
    /// Starts the bot (every request logged at Information, as shipped), reads its standard output until it listens and
    /// then not at all while <see cref="Requests"/> requests are made, each answered within 10 s; then stops it with
    /// SIGTERM and returns the rest of its standard output.
    /// </summary>
    private static async Task<string> RequestsWithStandardOutputUnreadAsync(Dictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("closurebot-stdout-").FullName;
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        settings["Serilog:MinimumLevel:Default"] = "Information";
        using var process = Process.Start(BotChildProcess.StartInfo(folder, url, settings))!;
        try
        {
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line
                   && !line.Contains("Now listening on", StringComparison.Ordinal))
            {
            }

            using (var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) })
                for (var i = 0; i < Requests; i++)
                {
                    using var response = await http.GetAsync("/healthz");
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }

            using (var terminate = Process.Start("kill", ["-TERM", process.Id.ToString()])) await terminate.WaitForExitAsync();
            var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return rest;
        }
        finally
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
            TempFolder.Delete(folder);
        }
    }

    private static int RequestLines(string output) =>
        output.Split('\n').Count(line => line.Contains("\"/healthz\" responded 200", StringComparison.Ordinal));
}
