using ClosureBot.Channels;
using ClosureBot.Handoff;
using ClosureBot.Identity;
using ClosureBot.Localization;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;
using ClosureBot.Storage;
using Microsoft.Extensions.Options;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace ClosureBot.Offboarding;

/// <summary>
/// The bot: routes by activity type, and for a conversation turn loads the conversation, lets the router decide,
/// then commits state, progress, any closure request and the turn's replies (the outbox) in one durable write before
/// a single reply leaves. A turn that lost a race with another instance is run again; an activity already processed
/// (its outbox row exists) is answered with the stored replies of its turn instead.
/// </summary>
public sealed class OffboardingBot(ConversationRouter router, SavedPlaces savedPlaces, HandoffConversations handoff, HandoffStatusChannels statusChannels,
    IBotStore store, ReplyOutbox outbox, IEnumerable<IChannelIdentitySource> identitySources, IEnumerable<IReplyShaper> shapers, CustomerLocales locales,
    IOptions<StorageOptions> storage, ILogger<OffboardingBot> logger) : IBot
{
    private readonly TimeSpan _conflictRetryTime = storage.Value.ConflictRetryTime;

    public Task OnTurnAsync(ITurnContext context, CancellationToken cancellationToken) => context.Activity.Type switch
    {
        ActivityTypes.Message => RunAsync(context, cancellationToken),
        ActivityTypes.ConversationUpdate when context.Activity.MembersAdded?.Any(m => m is not null && m.Id != context.Activity.Recipient?.Id) == true
            => RunAsync(context, cancellationToken),
        ActivityTypes.InstallationUpdate when context.Activity.Action is "add" or "add-upgrade" => RunAsync(context, cancellationToken),
        ActivityTypes.Event when context.Activity.Name == CustomerClaims.SignedInEvent && context.Identity is not null
            => RunAsync(context, cancellationToken),
        // handoff.status only from a listed contact-center channel that proved itself in this request; any other is
        // answered (never rejected) and loads, changes and sends nothing.
        ActivityTypes.Event when context.Activity.Name is HandoffEvents.Status
            => statusChannels.Sent(context) ? RunAsync(context, cancellationToken) : Task.CompletedTask,
        // The desk's agent actions (which the handoff checks came from the desk).
        ActivityTypes.Event when context.Activity.Name is HandoffEvents.Agent => RunAsync(context, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task RunAsync(ITurnContext context, CancellationToken ct)
    {
        var activity = context.Activity;
        var key = $"{activity.ChannelId}/{activity.Conversation?.Id}";
        // An agent's turn proves an agent, not the customer: nobody is verified in it.
        var identity = HandoffDeskIdentity.Of(context) is not null ? null
            : VerifiedCustomer.From(context.Identity ?? identitySources.Select(s => s.Prove(context)).FirstOrDefault(i => i is not null));
        long firstConflict = 0;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.LoadConversationAsync(key, ct);
            // The cached object of the last committed turn saves parsing its JSON again. This turn changes it in
            // place, so any failure below must drop it from the cache.
            var data = stored?.Parsed as ConversationData
                ?? (stored is null ? new ConversationData() : ConversationDataJson.Read(stored.State));
            // The recent ids in the state spare a quick redelivery the turn; the outbox row decides over the whole window
            // (a redelivery it no longer holds is a new activity).
            if (data.HasProcessed(activity.Id) && await outbox.ReplayAsync(context, key, ct)) return;

            var spoken = data.Locale;
            var locale = CustomerLocale.Attach(context, Locale(context, data));
            OffboardingTurn.Attach(context, new OffboardingTurn
            {
                Identity = identity,
                LanguageChanged = spoken is not null && locales.Locales.For(spoken) != locale.Texts,
            });
            var handoffTurn = HandoffTurn.Attach(context, new HandoffTurn());
            OffboardingResult? ended;
            try
            {
                ended = await router.HandleAsync(context, data, ct);
                data.MarkProcessed(activity.Id);
                data.Recent = handoff.Record(context, data.Recent);
                // Shaped before the capture: the outbox stores, and a redelivery replays, exactly what the channel got.
                foreach (var shaper in shapers) shaper.Shape(context);
                await store.CommitAsync(BuildCommit(key, stored, data, ended, handoffTurn, activity, outbox.Capture(context, key)), ct);
            }
            catch (DuplicateActivityException)
            {
                store.Evict(key);
                context.ClearReplies();
                await outbox.ReplayAsync(context, key, ct);
                return;
            }
            catch (ConcurrencyConflictException) when (WithinRetryTime(ref firstConflict))
            {
                // What the turn read changed before it was saved (another instance saved a turn of this conversation, or
                // another conversation opened the same closure request). The next try reads the change, so a turn loses
                // once per turn saved elsewhere and a burst through several instances ends. From the second loss on, a
                // random pause that doubles (up to 50 ms) lets the other instance's turns through instead of colliding
                // with each of them.
                logger.LogInformation("Conversation changed under this turn; running it again (attempt {Attempt})", attempt + 1);
                store.Evict(key);
                context.ClearReplies();
                if (attempt >= 2) await Task.Delay(Random.Shared.Next(1, Math.Min(1 << Math.Min(attempt, 6), 50) + 1), ct);
                continue;
            }
            catch
            {
                store.Evict(key);
                throw;
            }

            if (ended?.NewClosureRequest is { } request)
                logger.LogInformation("Closure request {Reference} logged for account {AccountAlias}", request.Reference, request.AccountAlias);
            if (ended is not null)
                logger.LogInformation("Off-boarding ended with {Outcome}", ended.Outcome);
            await handoff.AnnounceAsync(handoffTurn, ct);
            return;
        }
    }

    /// <summary>True until <see cref="StorageOptions.ConflictRetryTime"/> has passed since the turn first lost a race.</summary>
    private bool WithinRetryTime(ref long firstConflict)
    {
        if (firstConflict == 0) firstConflict = Stopwatch.GetTimestamp();
        return Stopwatch.GetElapsedTime(firstConflict) < _conflictRetryTime;
    }

    /// <summary>
    /// The customer's language and clock: their own activity tells them afresh (the latest wins, so a conversation that
    /// switches language follows); an agent's or a contact centre's turn speaks to them as their last activity did.
    /// </summary>
    private CustomerLocale Locale(ITurnContext context, ConversationData data)
    {
        var activity = context.Activity;
        var fromCustomer = HandoffDeskIdentity.Of(context) is null
            && !(activity.Type == ActivityTypes.Event && activity.Name is HandoffEvents.Status or HandoffEvents.Agent);
        if (fromCustomer)
            (data.Locale, data.TimeZone, data.UtcOffsetMinutes) = (activity.Locale is { Length: <= 35 } locale ? locale : null,
                activity.LocalTimezone is { Length: <= 64 } zone ? zone : null, (int?)activity.LocalTimestamp?.Offset.TotalMinutes);
        return locales.Resolve(data.Locale, data.TimeZone, data.UtcOffsetMinutes);
    }

    private TurnCommit BuildCommit(string key, StoredConversation? stored, ConversationData data, OffboardingResult? ended, HandoffTurn handoffTurn,
        Activity activity, OutboxEntry? replies)
    {
        var (save, delete) = savedPlaces.Track(data, activity, ended?.Outcome);
        var audit = ended?.Audit ?? [];
        return new TurnCommit
        {
            ConversationKey = key,
            ExpectedETag = stored?.ETag,
            NewETag = ETags.New(),
            State = ConversationDataJson.Write(data),
            SaveProgress = save,
            DeleteProgressFor = delete,
            ClosureRequest = ended?.NewClosureRequest,
            AdditionalRequester = ended?.AdditionalRequester,
            Handoff = handoffTurn.Writes,
            Audit = handoffTurn.Audit.Count == 0 ? audit : [.. audit, .. handoffTurn.Audit],
            Replies = replies,
            KeepCached = data.Dialog.Stack.Count > 0 || data.HandoffTicketId is not null,
            Parsed = data,
        };
    }
}
