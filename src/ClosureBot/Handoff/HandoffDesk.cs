using ClosureBot.Accounts;
using ClosureBot.Closure;
using ClosureBot.Localization;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace ClosureBot.Handoff;

/// <summary>
/// The desk the agent console works through. Reads come from the store; every change runs as a turn of the customer's
/// conversation (an in-process <see cref="HandoffEvents.Agent"/> event carrying the agent as a
/// <see cref="HandoffDeskIdentity"/>), so it is serialized with the customer's own turns, committed with the
/// conversation's state and audit entries, and delivered through the reply outbox over the customer's channel.
/// </summary>
/// <remarks>
/// Errors: an unknown ticket is a <see cref="KeyNotFoundException"/>; bad input (empty or over-long text, an unknown
/// resume point or fact) an <see cref="ArgumentException"/>; sending or handing back a ticket the agent does not hold an
/// <see cref="InvalidOperationException"/>. None of them changes anything.
/// </remarks>
public sealed class HandoffDesk(IHandoffStore store, IGuidedFlow flow, IAccountInventory inventory, IClosureLog closures, BotAdapter adapter,
    ReplyOutbox outbox, IEnumerable<IOutboxRoute> routes, IServiceProvider services, IOptions<SupportOptions> options, TimeProvider time, Locales locales)
    : IHandoffDesk
{
    private const int CaseTranscriptLimit = 500;
    private const int MaxNoteLength = 1_000;
    private readonly IOutboxRoute[] _routes = routes.ToArray();

    public IReadOnlyList<HandBackPoint> HandBackPoints => flow.HandBackPoints;

    public Task<IReadOnlyList<HandoffTicket>> ListAsync(CancellationToken cancellationToken) => store.ListOpenAsync(cancellationToken);

    public Task<HandoffCase?> FindAsync(string ticketId, CancellationToken cancellationToken) => FindAsync(ticketId, locales.English, cancellationToken);

    public async Task<HandoffCase?> FindAsync(string ticketId, LocaleTable language, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(ticketId, cancellationToken) is not { Ticket: var ticket }) return null;
        var messages = await store.MessagesAsync(ticketId, CaseTranscriptLimit, cancellationToken);
        var account = ticket.AccountAlias is { } alias ? await inventory.FindAsync(alias, cancellationToken) : null;
        var remaining = account is null ? null : new RemainingResources(
            account.Servers.Select(s => $"{s.Name} ({StateName(language, s.State)})").ToList(),
            account.Services.Select(s => $"{s.Name} ({ServiceKinds.DisplayName(language, s.Kind)})").ToList(),
            time.GetUtcNow());
        var request = ticket.AccountAlias is { } a ? await closures.FindOpenAsync(a, cancellationToken) : null;
        var steps = flow.Progress(ticket.Screen).Select(s => s with { Title = flow.StepTitle(s.Screen, language) }).ToList();
        return new HandoffCase(ticket, messages, steps, remaining, request?.Reference);
    }

    private static string StateName(LocaleTable t, ServerState state) => t[state switch
    {
        ServerState.Running => TextId.StateRunning,
        ServerState.Stopped => TextId.StateStopped,
        ServerState.Paused => TextId.StatePaused,
        _ => TextId.StateArchived,
    }];

    public async Task<AcceptOutcome> AcceptAsync(string ticketId, SupportAgent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (await store.FindAsync(ticketId, cancellationToken) is not { } record) return AcceptOutcome.NotFound;
        var answer = await RunAsync(record, agent, new AgentCommand(AgentCommand.Accept, ticketId), cancellationToken);
        return Enum.TryParse<AcceptOutcome>((string?)answer?.Body?["outcome"], out var outcome) ? outcome : AcceptOutcome.NotWaiting;
    }

    public async Task<HandoffMessage> SendAsync(string ticketId, SupportAgent agent, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        text = text?.Trim() ?? "";
        if (text.Length == 0) throw new ArgumentException("The message is empty.", nameof(text));
        if (text.Length > options.Value.MaxMessageLength)
            throw new ArgumentException($"The message is longer than {options.Value.MaxMessageLength} characters.", nameof(text));
        var record = await store.FindAsync(ticketId, cancellationToken) ?? throw new KeyNotFoundException("No such ticket.");
        var message = new HandoffMessage(HandoffConversations.NewId("hm_"), ticketId, "agent", agent.DisplayName, text, time.GetUtcNow());
        var answer = await RunAsync(record, agent, new AgentCommand(AgentCommand.Send, ticketId, text, message.Id), cancellationToken);
        if (answer?.Status != 200) throw new InvalidOperationException("The conversation is not held by this agent.");
        return message;
    }

    public async Task HandBackAsync(string ticketId, SupportAgent agent, HandBack handBack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(handBack);
        if (!flow.HandBackPoints.Any(p => p.Screen == handBack.ResumeAt))
            throw new ArgumentException($"\"{handBack.ResumeAt}\" is not a place the bot can resume at.", nameof(handBack));
        if (handBack.Facts.Any(f => !Enum.IsDefined(f))) throw new ArgumentException("Unknown fact.", nameof(handBack));
        if (handBack.Note is { Length: > MaxNoteLength }) throw new ArgumentException($"The note is longer than {MaxNoteLength} characters.", nameof(handBack));
        var record = await store.FindAsync(ticketId, cancellationToken) ?? throw new KeyNotFoundException("No such ticket.");
        var command = new AgentCommand(AgentCommand.HandBack, ticketId, ResumeAt: handBack.ResumeAt, Facts: handBack.Facts.Distinct().ToList(),
            Note: string.IsNullOrWhiteSpace(handBack.Note) ? null : handBack.Note.Trim());
        var answer = await RunAsync(record, agent, command, cancellationToken);
        if (answer?.Status != 200) throw new InvalidOperationException("The conversation is not held by this agent.");
    }

    // A Connector channel's replies take the transport its own turns take (Teams: with its card tracking); the embedded
    // Direct Line's go through its outbox route into the conversation's log.
    private IReplyTransport TransportFor(Activity activity)
    {
        if (activity.ServiceUrl is not null) return services.GetRequiredService<IReplyTransport>();
        var route = _routes.FirstOrDefault(r => r.Handles(activity)) ?? throw new InvalidOperationException("No channel route reaches this conversation.");
        return outbox.Wrap(route.TransportFor(activity));
    }

    /// <summary>Runs the agent's action as a turn of the customer's conversation, delivered over the customer's channel.</summary>
    private async Task<InvokeResponse?> RunAsync(HandoffRecord record, SupportAgent agent, AgentCommand command, CancellationToken ct)
    {
        var reference = record.Reference;
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = HandoffEvents.Agent,
            Id = HandoffConversations.NewId("agent-"),
            Timestamp = time.GetUtcNow(),
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
            Value = command.ToJson(),
        };
        var result = await adapter.ProcessActivityAsync(activity, TransportFor(activity), ct, HandoffDeskIdentity.Create(agent));
        return result.InvokeResponse;
    }
}
