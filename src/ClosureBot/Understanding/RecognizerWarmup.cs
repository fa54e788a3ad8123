using Microsoft.Extensions.Hosting;

namespace ClosureBot.Understanding;

/// <summary>
/// Builds and runs every language's recognizers once, in the background, as the app starts: the yes/no definitions of
/// <c>Microsoft.Recognizers.Definitions</c> are interpreted regexes built on first use, and the source-generated ones are
/// jitted on first use, so without this the first Spanish or German turn would pay for both. Start-up does not wait for it.
/// </summary>
internal sealed class RecognizerWarmup(TimeProvider time, ILogger<RecognizerWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = time.GetTimestamp();
        MessageReader.Warm();
        logger.LogInformation("Recognizers warmed in {ElapsedMs:F0} ms", time.GetElapsedTime(started).TotalMilliseconds);
    }, stoppingToken);
}
