using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosureBot.Accounts;
using ClosureBot.Closure;
using ClosureBot.Dialogs.Recognition;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;
using Microsoft.Extensions.Options;
using ClosureBot.Localization;

namespace ClosureBot.Handoff;

/// <summary>
/// The one owner of a conversation's handoff: puts it in a queue when the customer asks for a person, then owns every
/// turn of it while it waits or is held (the customer's messages go to the queue, the bot stays silent while a person
/// holds it), honours <c>handoff.status</c> from a contact-center channel (the bot lets through only what
/// <see cref="HandoffStatusChannels"/> admits), and runs the desk's agent actions. The flow
/// hands a turn over through <see cref="Owns"/>; a conversation that never asked for a person costs nothing here.
/// </summary>
public sealed partial class HandoffConversations(IHandoffStore store, QueueSchedules queues, IAccountInventory inventory,
    IEnumerable<ITranscriptSource> transcripts, IHandoffEvents events, AgentActions agents, HandoffCards cards, IOptions<SupportOptions> options, TimeProvider time,
    ILogger<HandoffConversations> logger)
{
    /// <summary>Most activities a handoff carries in its transcript.</summary>
    public const int TranscriptLimit = 50;

    private readonly ITranscriptSource[] _transcripts = transcripts.ToArray();

    /// <summary>Whether this turn is the handoff's: the conversation has a ticket, or the activity is a handoff event.</summary>
    public static bool Owns(ITurnContext context, string? ticketId) =>
        ticketId is not null || context.Activity is { Type: ActivityTypes.Event, Name: HandoffEvents.Status or HandoffEvents.Agent };

    /// <summary>
    /// Puts the conversation in a queue: <c>support</c>, or the queue a button names (<c>sales</c> after the term-commitment
    /// exception), says what happens next, and emits <c>handoff.initiate</c>.
    /// </summary>
    public async Task RequestAsync(IGuidedConversation conversation, CancellationToken ct)
    {
        var context = conversation.Context;
        var activity = context.Activity;
        var queue = activity.GetValueString("queue") is { } named && queues.Knows(named) ? named
            : activity.Text is { } text && SalesWord().IsMatch(text) ? HandoffQueues.Sales : HandoffQueues.Support;
        var reason = activity.GetValueString("reason") is { } given && given is "misunderstood" or "stuck" or "term-commitment" ? given : "asked";
        var now = time.GetUtcNow();
        var ticket = new HandoffTicket(NewId("hq_"), queue, reason, activity.ChannelId ?? "", conversation.AccountAlias, conversation.Verified,
            conversation.Screen, HandoffStatus.Waiting, now, null, null, null, false);
        var transcript = await TranscriptAsync(conversation, ct);
        var turn = HandoffTurn.Of(context);
        turn.Writes.Add(new HandoffWrite.Opened(new HandoffRecord(ticket, ConversationKey(activity), activity.GetConversationReference())));
        foreach (var line in transcript.Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(a.Text)))
            turn.Writes.Add(new HandoffWrite.MessageAdded(new HandoffMessage(NewId("hm_"), ticket.Id,
                line.From?.Role == RoleTypes.Bot ? "bot" : "customer", null, Bounded(line.Text!), line.Timestamp ?? now)));
        turn.Audit.Add(Audit(AuditEventKinds.HandoffRequested, ticket, Customer(activity, conversation.Verified), activity,
            $"{queue}, {reason}, at {ticket.Screen ?? "start"}"));
        turn.ChangedTickets.Add(ticket.Id);
        conversation.TicketId = ticket.Id;

        var schedule = queues[queue];
        var open = schedule.IsOpen(now);
        var t = CustomerLocale.TextsOf(context);
        Say(conversation, ticket.Id, open
            ? HandoffTexts.Queued(t, schedule, await store.CountWaitingAsync(queue, ct) + 1)
            : HandoffTexts.Closed(t, schedule, schedule.DescribeOpening(CustomerLocale.Of(context), schedule.NextOpening(now))), leaveButton: true);
        if (!open) context.SendActivity(cards.Contact(t, t[TextId.OtherWays]));
        // Teams takes no event activities from a bot; contact-center channels (Direct Line, Omnichannel) read this one.
        if (activity.ChannelId != Protocol.Activities.Channels.MsTeams)
        {
            var remaining = ticket.AccountAlias is { } alias && await inventory.FindAsync(alias, ct) is { } account ? account.CountsByKind() : null;
            context.SendActivity(HandoffInitiation.Create(activity, ticket, remaining, transcript, now));
        }
        logger.LogInformation("Conversation queued for {Queue} as {TicketId} ({Reason}) at {Step}", queue, ticket.Id, reason, ticket.Screen);
    }

    /// <summary>Runs a turn <see cref="Owns"/> gave to the handoff; false when the ticket turned out to be over (the flow routes it).</summary>
    public async Task<bool> HandleAsync(IGuidedConversation conversation, CancellationToken ct)
    {
        var activity = conversation.Context.Activity;
        if (activity is { Type: ActivityTypes.Event, Name: HandoffEvents.Agent })
        {
            if (HandoffDeskIdentity.Of(conversation.Context) is { } agent) await agents.RunAsync(conversation, agent, ct);
            else logger.LogWarning("Ignored an {EventName} event a channel sent", HandoffEvents.Agent);
            return true;
        }
        var isStatus = activity is { Type: ActivityTypes.Event, Name: HandoffEvents.Status };
        if (conversation.TicketId is not { } id) return isStatus;
        if ((await store.FindAsync(id, ct))?.Ticket is not { Status: not HandoffStatus.Ended } ticket)
        {
            conversation.TicketId = null;
            return isStatus;
        }
        if (isStatus) await StatusAsync(conversation, ticket, ct);
        else if (activity.Type != ActivityTypes.Message) return true;
        else if (ticket.Status == HandoffStatus.Waiting && LeavesQueue(activity)) await EndAsync(conversation, ticket, "left", CustomerLocale.TextsOf(conversation.Context)[TextId.LeftQueue], ct);
        else PassOn(conversation, ticket);
        return true;
    }

    /// <summary>Keeps the last lines of a conversation whose channel cannot give its transcript back.</summary>
    public RecentActivities? Record(ITurnContext context, RecentActivities? recent)
    {
        if (HandoffDeskIdentity.Of(context) is not null || _transcripts.Any(t => t.Covers(context.Activity))) return recent;
        recent ??= new RecentActivities();
        recent.Record(context, time.GetUtcNow());
        return recent;
    }

    /// <summary>Tells the console what the committed turn changed. A failure is logged; the change stands.</summary>
    public async Task AnnounceAsync(HandoffTurn turn, CancellationToken ct)
    {
        if (turn.IsEmpty) return;
        try
        {
            foreach (var write in turn.Writes.OfType<HandoffWrite.MessageAdded>()) await events.MessageAddedAsync(write.Message, ct);
            foreach (var id in turn.ChangedTickets)
                if (await store.FindAsync(id, ct) is { } record) await events.TicketChangedAsync(record.Ticket, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not announce a handoff change to the console");
        }
    }

    private void PassOn(IGuidedConversation conversation, HandoffTicket ticket)
    {
        var activity = conversation.Context.Activity;
        var text = activity.Text ?? (activity.Value is null ? null : "(clicked a button)");
        if (string.IsNullOrWhiteSpace(text)) return;
        var turn = HandoffTurn.Of(conversation.Context);
        var now = time.GetUtcNow();
        turn.Writes.Add(new HandoffWrite.MessageAdded(new HandoffMessage(NewId("hm_"), ticket.Id, "customer", null, Bounded(text), now)));
        // While a person holds the conversation the bot says nothing: the customer talks to them.
        if (ticket.Status == HandoffStatus.Held) return;
        var schedule = queues[ticket.Queue];
        if (schedule.IsOpen(now))
        {
            Say(conversation, ticket.Id, HandoffTexts.PassedOn(CustomerLocale.TextsOf(conversation.Context), ticket.Position), leaveButton: true);
            return;
        }
        if (!ticket.LeftMessage)
        {
            turn.Writes.Add(new HandoffWrite.LeftMessage(ticket.Id));
            turn.ChangedTickets.Add(ticket.Id);
        }
        var t = CustomerLocale.TextsOf(conversation.Context);
        Say(conversation, ticket.Id, t.Format(TextId.MessageLeft, schedule.DescribeOpening(CustomerLocale.Of(conversation.Context), schedule.NextOpening(now))), leaveButton: true);
    }

    private async Task StatusAsync(IGuidedConversation conversation, HandoffTicket ticket, CancellationToken ct)
    {
        var value = conversation.Context.Activity.Value as JsonObject;
        switch ((string?)(value?["state"] as JsonValue))
        {
            case "accepted" when ticket.Status == HandoffStatus.Waiting:
                var turn = HandoffTurn.Of(conversation.Context);
                turn.Writes.Add(new HandoffWrite.Moved(ticket.Id, HandoffStatus.Waiting, HandoffStatus.Held, null, null, null));
                turn.Audit.Add(Audit(AuditEventKinds.HandoffAccepted, ticket, Channel(conversation.Context.Activity), conversation.Context.Activity,
                    "by the channel's agent hub"));
                turn.ChangedTickets.Add(ticket.Id);
                Say(conversation, ticket.Id, HandoffTexts.Joined(CustomerLocale.TextsOf(conversation.Context), null, queues[ticket.Queue]), leaveButton: false);
                break;
            case "failed":
                logger.LogDebug("The channel could not hand {TicketId} to a person: {HandoffFailure}", ticket.Id, (string?)(value?["message"] as JsonValue));
                await EndAsync(conversation, ticket, "failed", CustomerLocale.TextsOf(conversation.Context)[TextId.HandoffFailed], ct);
                break;
            case "completed":
                await EndAsync(conversation, ticket, "completed", CustomerLocale.TextsOf(conversation.Context)[TextId.HandoffCompleted], ct);
                break;
        }
    }

    private async Task EndAsync(IGuidedConversation conversation, HandoffTicket ticket, string ending, string text, CancellationToken ct)
    {
        var activity = conversation.Context.Activity;
        var turn = HandoffTurn.Of(conversation.Context);
        turn.Writes.Add(new HandoffWrite.Moved(ticket.Id, ticket.Status, HandoffStatus.Ended, null, ending, null));
        var kind = ending switch { "left" => AuditEventKinds.HandoffLeft, "failed" => AuditEventKinds.HandoffFailed, _ => AuditEventKinds.HandoffCompleted };
        turn.Audit.Add(Audit(kind, ticket, ending == "left" ? Customer(activity, conversation.Verified) : Channel(activity), activity, null));
        turn.ChangedTickets.Add(ticket.Id);
        Say(conversation, ticket.Id, text, leaveButton: false);
        conversation.TicketId = null;
        await conversation.CarryOnAsync(ct);
    }

    private async Task<IReadOnlyList<Activity>> TranscriptAsync(IGuidedConversation conversation, CancellationToken ct)
    {
        var activity = conversation.Context.Activity;
        if (_transcripts.FirstOrDefault(t => t.Covers(activity)) is { } source) return await source.ReadAsync(activity, TranscriptLimit, ct);
        var lines = conversation.Recent.ToActivities().ToList();
        if (activity.Type == ActivityTypes.Message && activity.Text is { } text)
            lines.Add(new Activity { Type = ActivityTypes.Message, From = new ChannelAccount { Role = RoleTypes.User }, Text = Bounded(text), Timestamp = time.GetUtcNow() });
        return lines;
    }

    /// <summary>A line the bot says in a handed-off conversation: to the customer, and into the ticket's transcript.</summary>
    internal void Say(IGuidedConversation conversation, string ticketId, string text, bool leaveButton)
    {
        var reply = new Activity { Type = ActivityTypes.Message, Text = text };
        if (leaveButton)
            reply.SuggestedActions = new SuggestedActions { Actions = [LeaveButton(CustomerLocale.TextsOf(conversation.Context)[TextId.LeaveQueue])] };
        conversation.Context.SendActivity(reply);
        HandoffTurn.Of(conversation.Context).Writes.Add(new HandoffWrite.MessageAdded(new HandoffMessage(NewId("hm_"), ticketId, "bot", null, text, time.GetUtcNow())));
    }

    private string Bounded(string text) => text.Length > options.Value.MaxMessageLength ? text[..options.Value.MaxMessageLength] : text;

    private AuditEvent Audit(string kind, HandoffTicket ticket, Requester actor, Activity activity, string? detail) =>
        new(kind, ticket.AccountAlias, actor, activity.Conversation?.Id ?? "", time.GetUtcNow(), detail);

    private static Requester Customer(Activity activity, bool verified) => new(activity.ChannelId ?? "", activity.From?.Id ?? "", activity.From?.Name, verified);

    private static Requester Channel(Activity activity) => new(activity.ChannelId ?? "", "channel", null, false);

    internal static string ConversationKey(Activity activity) => $"{activity.ChannelId}/{activity.Conversation?.Id}";

    internal static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N");

    private const string LeaveAction = "leave-queue";

    // The button says it in the customer's language and carries its meaning in its value, whatever the words.
    private static CardAction LeaveButton(string caption) => new()
    {
        Type = "messageBack",
        Title = caption,
        Text = caption,
        DisplayText = caption,
        Value = new JsonObject { ["action"] = LeaveAction },
    };

    private static bool LeavesQueue(Activity activity) =>
        activity.GetValueString("action") == LeaveAction || activity.Text is { Length: < 60 } text && LeaveWords().IsMatch(text.Trim());

    [GeneratedRegex(@"\bsales\b", ReaderPatterns.Options)]
    private static partial Regex SalesWord();

    // The whole message, in any of the five languages (a customer may wait in one and leave in another): longer messages
    // that mention cancelling may be meant for the person, and are passed on.
    [GeneratedRegex(@"^(ok(ay)?,?\s+|gut,?\s+|vale,?\s+|d'accord,?\s+|bon,?\s+)?("
        + @"cancel|stop|leave( the)? queue|stop waiting|never ?mind|forget it|no thanks|i'?ll carry on( with you)?"
        + @"|abbrechen|stopp|vergiss es|warteschlange verlassen|nicht mehr warten"
        + @"|cancelar|olv[íi]dalo|d[ée]jalo|salir de la cola|dejar de esperar"
        + @"|annuler|laisse tomber|oublie( [çc]a)?|quitter la file( d'attente)?|arr[êe]ter d'attendre"
        + @"|esquece|deixa pra l[áa]|sair da fila|parar de esperar"
        + @")[\s.!]*(please|thanks|bitte|danke|por favor|gracias|merci|s'il vous pla[îi]t|obrigad[oa])?[\s.!]*$",
        ReaderPatterns.Options)]
    private static partial Regex LeaveWords();
}
