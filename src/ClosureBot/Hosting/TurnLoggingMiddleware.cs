using System.Diagnostics;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Hosting;

/// <summary>Opens the per-turn log scope (conversation, activity, channel) and logs each turn at Debug level.</summary>
public sealed class TurnLoggingMiddleware(ILogger<TurnLoggingMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ConversationId"] = activity.Conversation?.Id,
            ["ActivityId"] = activity.Id,
            ["ChannelId"] = activity.ChannelId,
        });
        var started = Stopwatch.GetTimestamp();
        await next(cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Turn {ActivityType} handled in {ElapsedMs:0.0} ms with {ReplyCount} replies",
                activity.Type, Stopwatch.GetElapsedTime(started).TotalMilliseconds, turnContext.BufferedReplies.Count);
    }
}
