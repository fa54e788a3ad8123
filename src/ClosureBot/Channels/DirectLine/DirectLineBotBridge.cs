using ClosureBot.Identity;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;
using Microsoft.Extensions.Options;
using ProtocolChannels = ClosureBot.Protocol.Activities.Channels;

namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// Hands Direct Line activities to the bot in-process, through the same turn pipeline as <c>/api/messages</c>:
/// the user's activity is stamped with the token's user and echoed into the log, a typing indicator runs while
/// the turn does, and the replies are appended to the log.
/// </summary>
public sealed class DirectLineBotBridge(BotAdapter adapter, DirectLineActivityLog log, IDirectLineStore store, IOptions<DirectLineOptions> options,
    ReplyOutbox outbox, TimeProvider time, ILogger<DirectLineBotBridge> logger)
{
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>Tells the bot, once per conversation, that the user joined (so it greets them).</summary>
    public async Task StartAsync(DirectLineToken grant, string? locale, CancellationToken ct)
    {
        if (!await store.TryMarkStartedAsync(grant.ConversationId, locale, ct)) return;
        locale ??= (await store.FindConversationAsync(grant.ConversationId, ct))?.Locale;
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = Guid.NewGuid().ToString("N"),
            Locale = locale,
            MembersAdded = [User(grant)],
        };
        await RunTurnAsync(grant, Stamp(update, grant), ct);
    }

    /// <summary>Tells the bot that the conversation's user has just signed in (<see cref="CustomerClaims.SignedInEvent"/>).</summary>
    public async Task SignedInAsync(DirectLineToken grant, string? locale, CancellationToken ct)
    {
        var signedIn = new Activity { Type = ActivityTypes.Event, Name = CustomerClaims.SignedInEvent, Id = Guid.NewGuid().ToString("N"), Locale = locale };
        await RunTurnAsync(grant, Stamp(signedIn, grant), ct);
    }

    /// <summary>
    /// Posts the user's <paramref name="activity"/>: returns its assigned id once the bot has answered. When the turn
    /// fails the activity is taken back out of the history.
    /// </summary>
    public async Task<string> PostAsync(DirectLineToken grant, Activity activity, CancellationToken ct)
    {
        Stamp(activity, grant);
        var id = await log.AppendAsync(grant.ConversationId, activity, ct);
        try
        {
            await RunTurnAsync(grant, activity, ct);
        }
        catch
        {
            // The client is told the post failed; the history must not keep it as if the bot had taken it.
            await log.RetractAsync(grant.ConversationId, id, CancellationToken.None);
            throw;
        }
        return id;
    }

    private async Task RunTurnAsync(DirectLineToken grant, Activity activity, CancellationToken ct)
    {
        // The typing indicator repeats until the turn ends, which disposes its timer: the timer's wait then ends with false.
        // Cancelling the wait instead would end it with an OperationCanceledException carrying the current stack trace,
        // which PeriodicTimer captures with file and line numbers (reading the PDBs) on every turn.
        var typing = new PeriodicTimer(TypingInterval, time);
        // A message was logged before its turn (its id names its place): the indicator follows it, and a stream that has
        // already sent the turn's replies drops an indicator still on its way.
        var indicator = activity.Type == ActivityTypes.Message
            ? SendTypingAsync(grant, typing, DirectLineActivityLog.SequenceOf(activity.Id), ct)
            : Task.CompletedTask;
        try
        {
            var identity = grant.VerifiedBy is { } source ? CustomerClaims.Create(source, grant.UserId, grant.UserName, grant.Accounts) : null;
            var transport = outbox.Wrap(new DirectLineReplyTransport(log, grant.ConversationId));
            var result = await adapter.ProcessActivityAsync(activity, transport, ct, identity);
            logger.LogDebug("Direct Line turn {ActivityType} produced {ReplyCount} replies", activity.Type, result.Replies.Count);
        }
        finally
        {
            typing.Dispose();
            await indicator;
        }
    }

    private async Task SendTypingAsync(DirectLineToken grant, PeriodicTimer timer, long? follows, CancellationToken ct)
    {
        do
        {
            log.PublishEphemeral(grant.ConversationId, new Activity
            {
                Type = ActivityTypes.Typing,
                ChannelId = ProtocolChannels.WebChat,
                Conversation = new ConversationAccount { Id = grant.ConversationId },
                From = Bot(),
                Timestamp = time.GetUtcNow(),
            }, follows);
        }
        while (await WaitAsync(timer, ct));
    }

    // Cancelled only when the request is (the client went away, the app is stopping).
    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    private Activity Stamp(Activity activity, DirectLineToken grant)
    {
        activity.ChannelId = ProtocolChannels.WebChat;
        activity.From = User(grant);
        activity.Recipient = Bot();
        activity.Conversation = new ConversationAccount { Id = grant.ConversationId };
        activity.ServiceUrl = null;
        activity.DeliveryMode = null;
        activity.CallerId = null;
        return activity;
    }

    // Who sent it is the token's business, never the client's: a name typed into the page is not an identity.
    private static ChannelAccount User(DirectLineToken grant) => new() { Id = grant.UserId, Name = grant.UserName, Role = RoleTypes.User };

    private ChannelAccount Bot() => new() { Id = _options.BotId, Name = _options.BotName, Role = RoleTypes.Bot };
}
