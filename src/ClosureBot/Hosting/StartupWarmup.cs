using System.Globalization;
using ClosureBot.Offboarding;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Authentication;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Hosting;
using ClosureBot.Storage;
using ClosureBot.Understanding;
using Microsoft.Extensions.Hosting;

namespace ClosureBot.Hosting;

/// <summary>
/// Prepares the turn path in the background as the app starts, on one thread pool thread beside start-up's own:
/// first what the first welcome needs (every card in every language, the stored JSON shapes: <see cref="TurnPathWarmer"/>),
/// then every language's recognizers (the yes/no definitions of <c>Microsoft.Recognizers.Definitions</c> are
/// interpreted regexes built on first use, and the source-generated ones are jitted on first use), then the first turns
/// of a conversation in every language through the bot's own turn (<see cref="MessageTurnWarmer"/>), then compiles what
/// only a real request runs, without running it: the messaging endpoint, the channel's authentication, the rate limit,
/// the store's read and commit (<see cref="RequestPathPreparer"/>), and last, once the server listens, sends two requests
/// that change nothing to its own messaging endpoint (<see cref="SelfRequestWarmer"/>). So neither the first welcome,
/// the first message, nor the first Spanish or German message pays for them. Start-up does not wait for it.
/// </summary>
internal sealed class StartupWarmup(TurnPathWarmer turnPath, MessageTurnWarmer messageTurns, SelfRequestWarmer selfRequest, IServiceProvider services,
    TimeProvider time, ILogger<StartupWarmup> logger)
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
        var walkedDone = time.GetElapsedTime(started);
        RequestPathPreparer.Outcome prepared;
        try
        {
            prepared = RequestPathPreparer.Prepare(RequestPathTypes());
        }
        catch (Exception ex)
        {
            // Reflection over the app and the framework (trimmed in the Docker image): whatever it meets, it only saves the
            // first customer time, and an exception here must never stop the host.
            logger.LogWarning(ex, "The request path could not be compiled ahead; the first customer message will compile it");
            prepared = default;
        }
        var preparedDone = time.GetElapsedTime(started);
        string answered;
        try
        {
            answered = await selfRequest.WarmAsync(stoppingToken) is { } status ? status.ToString(CultureInfo.InvariantCulture) : "no plain HTTP address";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // As above: the first request after a start pays for it instead.
            logger.LogWarning(ex, "The request to the app's own messaging endpoint failed; the first customer request will warm the server's path");
            answered = "failed";
        }
        logger.LogInformation("Turn path warmed in {CardsMs:F0} ms ({ReplyCount} cards), recognizers in {RecognizersMs:F0} ms, " +
                              "first turns in {TurnsMs:F0} ms ({TurnReplies} replies), request path in {RequestPathMs:F0} ms ({Prepared} methods), " +
                              "requests to itself in {SelfRequestMs:F0} ms ({SelfRequestAnswer})",
            cardsDone.TotalMilliseconds, replies, (recognizersDone - cardsDone).TotalMilliseconds,
            (walkedDone - recognizersDone).TotalMilliseconds, walked, (preparedDone - walkedDone).TotalMilliseconds, prepared.Prepared,
            (time.GetElapsedTime(started) - preparedDone).TotalMilliseconds, answered);
    }, stoppingToken);

    /// <summary>
    /// The types of a customer's request that the walk does not run: the endpoint and its body reader, what a commit
    /// carries, and the request's services as this app is configured (the SQLite or PostgreSQL store with its committer,
    /// the authenticator, the rate limiter), found from the instances themselves.
    /// </summary>
    private IEnumerable<Type> RequestPathTypes()
    {
        var instances = new[] { typeof(IChannelAuthenticator), typeof(IConversationRateLimiter), typeof(ServiceUrlPolicy), typeof(IBotStore) }
            .Select(services.GetService).OfType<object>();
        return RequestPathPreparer.Reachable(instances)
            .Concat([typeof(BotEndpoint), typeof(ActivityReader), typeof(TurnCommit), typeof(OutboxEntry), typeof(StoredProgress), typeof(StoredConversation)]);
    }
}
