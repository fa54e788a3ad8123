using ClosureBot.Offboarding;
using ClosureBot.Understanding;
using Microsoft.Extensions.Hosting;

namespace ClosureBot.Hosting;

/// <summary>
/// Prepares the turn path in the background as the app starts, on one thread pool thread beside start-up's own:
/// first what the first welcome needs (every card in every language, the stored JSON shapes: <see cref="TurnPathWarmer"/>),
/// then every language's recognizers (the yes/no definitions of <c>Microsoft.Recognizers.Definitions</c> are
/// interpreted regexes built on first use, and the source-generated ones are jitted on first use), then the first turns
/// of a conversation in every language through the bot's own turn (<see cref="MessageTurnWarmer"/>), so that neither the
/// first welcome, the first message, nor the first Spanish or German message pays for them. Start-up does not wait for it.
/// </summary>
internal sealed class StartupWarmup(TurnPathWarmer turnPath, MessageTurnWarmer messageTurns, TimeProvider time, ILogger<StartupWarmup> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        var started = time.GetTimestamp();
        var replies = turnPath.Warm();
        var cardsDone = time.GetElapsedTime(started);
        MessageReader.Warm();
        var recognizersDone = time.GetElapsedTime(started);
        int walked;
        try
        {
            walked = (await messageTurns.WarmAsync(stoppingToken)).Sum(turn => turn.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A warm-up only saves the first customers time: the app serves without it.
            logger.LogWarning(ex, "The first turns could not be warmed; the first customer message will compile them");
            walked = 0;
        }
        logger.LogInformation("Turn path warmed in {CardsMs:F0} ms ({ReplyCount} cards), recognizers in {RecognizersMs:F0} ms, " +
                              "first turns in {TurnsMs:F0} ms ({TurnReplies} replies)",
            cardsDone.TotalMilliseconds, replies, (recognizersDone - cardsDone).TotalMilliseconds,
            (time.GetElapsedTime(started) - recognizersDone).TotalMilliseconds, walked);
    }, stoppingToken);
}
