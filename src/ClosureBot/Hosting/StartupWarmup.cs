using ClosureBot.Offboarding;
using ClosureBot.Understanding;
using Microsoft.Extensions.Hosting;

namespace ClosureBot.Hosting;

/// <summary>
/// Prepares the turn path in the background as the app starts, on one thread pool thread beside start-up's own:
/// first what the first welcome needs (every card in every language, the stored JSON shapes: <see cref="TurnPathWarmer"/>),
/// then every language's recognizers (the yes/no definitions of <c>Microsoft.Recognizers.Definitions</c> are
/// interpreted regexes built on first use, and the source-generated ones are jitted on first use), so that neither the
/// first turn nor the first Spanish or German message pays for them. Start-up does not wait for it.
/// </summary>
internal sealed class StartupWarmup(TurnPathWarmer turnPath, TimeProvider time, ILogger<StartupWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = time.GetTimestamp();
        var replies = turnPath.Warm();
        var cardsDone = time.GetElapsedTime(started);
        MessageReader.Warm();
        logger.LogInformation("Turn path warmed in {CardsMs:F0} ms ({ReplyCount} cards), recognizers in {RecognizersMs:F0} ms",
            cardsDone.TotalMilliseconds, replies, (time.GetElapsedTime(started) - cardsDone).TotalMilliseconds);
    }, stoppingToken);
}
