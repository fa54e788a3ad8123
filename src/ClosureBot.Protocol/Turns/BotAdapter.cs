using System.Security.Claims;
using ClosureBot.Protocol.Activities;
using Microsoft.Extensions.Logging;

namespace ClosureBot.Protocol.Turns;

/// <summary>
/// Runs one turn: takes the conversation's lock (turns of one conversation never interleave), runs the
/// middleware and the bot, then flushes the buffered replies — into the result for <c>expectReplies</c>,
/// otherwise through the transport — before the lock is released, so replies keep their order.
/// </summary>
public sealed class BotAdapter(IBot bot, IEnumerable<ITurnMiddleware> middleware, ILogger<BotAdapter> logger)
{
    private readonly ITurnMiddleware[] _middleware = middleware.ToArray();
    private readonly KeyedAsyncLock _conversationLocks = new();

    /// <summary>
    /// Processes <paramref name="activity"/>; <paramref name="transport"/> is used unless replies are expected in the response.
    /// <paramref name="identity"/> is the person as the credential of this request proves them (see <see cref="ITurnContext.Identity"/>);
    /// <paramref name="channelIdentity"/> the channel's validated token, kept apart in turn state (<see cref="ChannelIdentity"/>).
    /// </summary>
    public async Task<TurnResult> ProcessActivityAsync(Activity activity, IReplyTransport? transport, CancellationToken cancellationToken,
        ClaimsIdentity? identity = null, ClaimsIdentity? channelIdentity = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var key = $"{activity.ChannelId}/{activity.Conversation?.Id}";
        using var held = await _conversationLocks.AcquireAsync(key, cancellationToken).ConfigureAwait(false);

        var context = new TurnContext(activity, identity);
        if (channelIdentity is not null) context.TurnState[ChannelIdentity.TurnStateKey] = channelIdentity;
        await RunPipelineAsync(context, 0, cancellationToken).ConfigureAwait(false);

        var replies = context.BufferedReplies;
        if (activity.ExpectsReplies() || transport is null || replies.Count == 0)
            return new TurnResult(replies, context.InvokeResponse, Delivered: false) { SerializedReplies = context.SerializedReplies };

        try
        {
            // Not the request's token: the turn is saved, so its replies must still go if the caller hangs up.
            await transport.SendAsync(activity, replies, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw new ReplyDeliveryException(ex);
        }
        logger.LogDebug("Delivered {ReplyCount} replies", replies.Count);
        return new TurnResult(replies, context.InvokeResponse, Delivered: true);
    }

    private Task RunPipelineAsync(ITurnContext context, int index, CancellationToken cancellationToken) =>
        index < _middleware.Length
            ? _middleware[index].OnTurnAsync(context, ct => RunPipelineAsync(context, index + 1, ct), cancellationToken)
            : bot.OnTurnAsync(context, cancellationToken);
}
