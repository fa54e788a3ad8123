using System.Text.Json;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Serialization;
using ClosureBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace ClosureBot.Outbox;

/// <summary>
/// The reply outbox. A turn's replies are stored with its state (<see cref="Capture"/> goes into the turn's commit),
/// delivered after the commit through a transport wrapped by <see cref="Wrap"/>, which records how many the channel
/// took; replies it did not take are retried by <see cref="OutboxDeliveryWorker"/>. A redelivered activity gets the
/// replies of its turn back (<see cref="ReplayAsync"/>): all of them in the body, or the untaken ones re-sent.
/// </summary>
public sealed class ReplyOutbox(IOutboxStore store, IEnumerable<IOutboxRoute> routes, IOptions<OutboxOptions> options, TimeProvider time,
    ILogger<ReplyOutbox> logger)
{
    private const int DueBatch = 32;
    private readonly OutboxOptions _options = options.Value;
    private readonly IOutboxRoute[] _routes = routes.ToArray();
    // One delivery of a row at a time in this process (the turn's own, a redelivery's, the worker's); other instances
    // are kept off by the claim on the row's retry time.
    private readonly KeyedAsyncLock _deliveries = new();

    /// <summary>The conversation key the bot stores state under: <c>{channelId}/{conversationId}</c>.</summary>
    public static string ConversationKey(Activity activity) => $"{activity.ChannelId}/{activity.Conversation?.Id}";

    /// <summary>The turn's replies as an outbox row for its commit; null for an activity without an id (it cannot be redelivered).</summary>
    public OutboxEntry? Capture(ITurnContext context, string conversationKey)
    {
        if (context.Activity.Id is not { } activityId) return null;
        var replies = context.BufferedReplies;
        var now = time.GetUtcNow();
        var push = replies.Count > 0 && !context.Activity.ExpectsReplies();
        var serialized = ActivityJson.SerializeList(replies);
        // The same bytes answer an expectReplies request, so the endpoint need not serialize the replies again.
        context.SerializedReplies = serialized;
        return new OutboxEntry(conversationKey, activityId, serialized, replies.Count, now, push ? now + _options.ReplyRetryDelay : null);
    }

    /// <summary>
    /// Puts the stored replies of the turn that processed this activity back into <paramref name="context"/>; false when
    /// the outbox has no row for it (never processed, or processed longer ago than the duplicate window).
    /// </summary>
    public async Task<bool> ReplayAsync(ITurnContext context, string conversationKey, CancellationToken cancellationToken)
    {
        if (context.Activity.Id is not { } activityId) return false;
        var record = await store.FindAsync(conversationKey, activityId, cancellationToken);
        if (record is null) return false;
        logger.LogInformation("Activity {ActivityId} was already processed; answering with the {ReplyCount} stored replies of its turn",
            activityId, record.ReplyCount);
        context.ClearReplies();
        foreach (var reply in Parse(record)) context.SendActivity(reply);
        return true;
    }

    /// <summary>A transport that delivers through <paramref name="inner"/> and records in the outbox what the channel took.</summary>
    public IReplyTransport Wrap(IReplyTransport inner) => new OutboxReplyTransport(this, inner);

    /// <summary>
    /// Sends those of <paramref name="replies"/> (the last ones of the turn's stored replies) the channel has not taken
    /// yet. A refusal is logged and left to the worker: the turn is saved, so the caller is answered as a success.
    /// </summary>
    internal async Task<IReadOnlyList<ResourceResponse>> DeliverAsync(Activity incoming, IReadOnlyList<Activity> replies, IReplyTransport inner)
    {
        if (incoming.Id is not { } activityId) return await inner.SendAsync(incoming, replies, CancellationToken.None);
        var key = ConversationKey(incoming);
        using var held = await _deliveries.AcquireAsync(key + "\n" + activityId, CancellationToken.None);
        var record = await store.FindAsync(key, activityId, CancellationToken.None);
        if (record is null) return await inner.SendAsync(incoming, replies, CancellationToken.None);

        var first = record.ReplyCount - replies.Count;
        var skip = Math.Clamp(record.Delivered - first, 0, replies.Count);
        return await SendRestAsync(record, incoming, replies, first + skip, inner, CancellationToken.None);
    }

    /// <summary>One pass of the delivery worker over the rows due for a retry; returns how many it attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await store.FindDueAsync(now, DueBatch, cancellationToken);
        var attempted = 0;
        foreach (var row in due)
        {
            if (row.CreatedAt + _options.ReplyDeliveryMaxAge <= now)
            {
                logger.LogError("Giving up on {Undelivered} replies to activity {ActivityId}: undelivered after {MaxAge}",
                    row.ReplyCount - row.Delivered, row.ActivityId, _options.ReplyDeliveryMaxAge);
                await store.MarkDeliveredAsync(row.ConversationKey, row.ActivityId, row.Delivered, finished: true, cancellationToken);
                continue;
            }
            if (!await store.ClaimAsync(row, now + Backoff(row.Attempts + 1), cancellationToken)) continue;
            attempted++;
            using var held = await _deliveries.AcquireAsync(row.ConversationKey + "\n" + row.ActivityId, cancellationToken);
            // Read again under the lock: the turn's own delivery or a redelivery may have finished it meanwhile.
            if (await store.FindAsync(row.ConversationKey, row.ActivityId, cancellationToken) is not { NextAttemptAt: not null } record) continue;
            var replies = Parse(record);
            if (replies.Count == 0 || _routes.FirstOrDefault(r => r.Handles(replies[0])) is not { } route)
            {
                logger.LogError("No route delivers the stored replies to activity {ActivityId}", record.ActivityId);
                continue;
            }
            var start = Math.Max(record.Delivered, Math.Min(await route.CountAlreadyDeliveredAsync(replies, cancellationToken), replies.Count));
            var incoming = new Activity
            {
                Id = record.ActivityId, ChannelId = replies[0].ChannelId, Conversation = replies[0].Conversation, ServiceUrl = replies[0].ServiceUrl,
            };
            await SendRestAsync(record, incoming, replies, start, route.TransportFor(replies[0]), cancellationToken);
        }
        return attempted;
    }

    /// <summary>Deletes rows past the duplicate window; returns how many.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        store.PruneAsync(time.GetUtcNow() - _options.DuplicateWindow, cancellationToken);

    private async Task<IReadOnlyList<ResourceResponse>> SendRestAsync(OutboxRecord record, Activity incoming, IReadOnlyList<Activity> replies,
        int fromIndex, IReplyTransport transport, CancellationToken cancellationToken)
    {
        // replies[i] is the turn's reply number (record.ReplyCount - replies.Count + i).
        var offset = record.ReplyCount - replies.Count;
        var responses = new List<ResourceResponse>();
        var delivered = fromIndex;
        try
        {
            if (transport is IAtomicReplyTransport)
            {
                // Taken whole or not at all, so the rest goes in one call (one write for an in-process channel).
                if (delivered < record.ReplyCount)
                    responses.AddRange(await transport.SendAsync(incoming, replies.Skip(delivered - offset).ToList(), cancellationToken));
                delivered = record.ReplyCount;
            }
            else
            {
                for (; delivered < record.ReplyCount; delivered++)
                    responses.AddRange(await transport.SendAsync(incoming, [replies[delivered - offset]], cancellationToken));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The channel did not take reply {Index} of {ReplyCount} to activity {ActivityId}; the outbox retries it",
                delivered + 1, record.ReplyCount, record.ActivityId);
            if (delivered > record.Delivered)
                await store.MarkDeliveredAsync(record.ConversationKey, record.ActivityId, delivered, finished: false, CancellationToken.None);
            return responses;
        }
        if (delivered > fromIndex || record.NextAttemptAt is not null || record.Delivered < delivered)
            await store.MarkDeliveredAsync(record.ConversationKey, record.ActivityId, delivered, finished: true, CancellationToken.None);
        return responses;
    }

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt, 20));
        return TimeSpan.FromTicks((long)Math.Min(_options.ReplyRetryDelay.Ticks * factor, _options.ReplyRetryMaxDelay.Ticks));
    }

    private static List<Activity> Parse(OutboxRecord record) =>
        JsonSerializer.Deserialize<List<Activity>>(record.Replies, ProtocolJson.Options) ?? [];
}
