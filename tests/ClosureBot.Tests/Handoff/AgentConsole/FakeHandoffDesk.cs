using ClosureBot.Tests.Support;
using ClosureBot.Handoff;
using ClosureBot.Localization;
using ClosureBot.Offboarding;

namespace ClosureBot.Tests.Handoff.AgentConsole;

/// <summary>
/// An in-memory desk for the console's tests only (the app never registers it): it keeps tickets, lets exactly one of
/// racing agents accept, records what agents send and hand back, and announces changes through the app's
/// <see cref="IHandoffEvents"/> as the real desk does.
/// </summary>
public sealed class FakeHandoffDesk(Func<IHandoffEvents> events, TimeProvider time) : IHandoffDesk
{
    private static readonly Locales Languages = Locales.Load();
    private static readonly QueueSchedule SupportQueue = new(HandoffQueues.Support, new HandoffQueueOptions());
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocaleTable> _customerLanguages = new();
    private readonly Dictionary<string, HandoffCase> _cases = new();
    private int _nextMessage;

    public List<(string TicketId, SupportAgent Agent, string Text)> Sent { get; } = [];

    public List<(string TicketId, SupportAgent Agent, HandBack HandBack)> HandedBack { get; } = [];

    public IReadOnlyList<HandBackPoint> HandBackPoints { get; } =
        [.. OffboardingSteps.Numbered.Select((s, i) => new HandBackPoint(s.Id, $"Step {i + 1} of 5 — {English.Texts[s.Title]}")), new HandBackPoint(HandBackPoint.End, "End the conversation")];

    /// <summary>A customer asks for support: queued, announced, with a first line from the customer.</summary>
    public async Task<HandoffTicket> EnqueueAsync(string alias = "ACME", bool verified = true, string screen = OffboardingSteps.DeleteServers,
        string customerText = "I need help deleting my servers", string customerLocale = "en-US")
    {
        var ticket = new HandoffTicket("t-" + Guid.NewGuid().ToString("N")[..10], HandoffQueues.Support, "asked", "webchat", alias, verified, screen,
            HandoffStatus.Waiting, time.GetUtcNow(), null, null, 1, false);
        var steps = OffboardingSteps.Numbered.Select(s => new HandoffStepProgress(s.Id, English.Texts[s.Title],
            OffboardingSteps.NumberOf(s.Id) < OffboardingSteps.NumberOf(screen) ? "done" : s.Id == screen ? "current" : "todo")).ToList();
        var remaining = new RemainingResources(Servers(English.Texts), ["Public IP 203.0.113.10"], time.GetUtcNow());
        lock (_gate)
        {
            _cases[ticket.Id] = new HandoffCase(ticket, [], steps, remaining, null);
            _customerLanguages[ticket.Id] = Languages.For(customerLocale);
        }
        await events().TicketChangedAsync(ticket, CancellationToken.None);
        await AddLineAsync(ticket.Id, "customer", null, customerText);
        return ticket;
    }

    /// <summary>The customer writes while the conversation is handed off.</summary>
    public Task<HandoffMessage> CustomerSaysAsync(string ticketId, string text) => AddLineAsync(ticketId, "customer", null, text);

    public Task<IReadOnlyList<HandoffTicket>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<HandoffTicket>>(
                [.. _cases.Values.Select(c => c.Ticket).Where(t => t.Status != HandoffStatus.Ended).OrderBy(t => t.Queue).ThenBy(t => t.RequestedAt)]);
    }

    /// <summary>As the real desk: the step titles in the language asked for.</summary>
    public async Task<HandoffCase?> FindAsync(string ticketId, LocaleTable language, CancellationToken cancellationToken) =>
        await FindAsync(ticketId, cancellationToken) is { } found
            ? found with
            {
                Steps = [.. found.Steps.Select(s => s with { Title = language[OffboardingSteps.Numbered[OffboardingSteps.NumberOf(s.Screen) - 1].Title] })],
                // The servers' states in that language too, as the real desk writes them.
                Remaining = found.Remaining is { } remaining ? remaining with { Servers = Servers(language) } : null,
            }
            : null;

    // The demo account's two servers, their states written in the language asked for.
    private static IReadOnlyList<string> Servers(LocaleTable t) =>
        [$"WA1ACMEWEB01 ({t[TextId.StateRunning]})", $"WA1ACMEDB01 ({t[TextId.StateStopped]})"];

    public Task<HandoffCase?> FindAsync(string ticketId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_cases.GetValueOrDefault(ticketId));
    }

    public async Task<AcceptOutcome> AcceptAsync(string ticketId, SupportAgent agent, CancellationToken cancellationToken)
    {
        HandoffTicket taken;
        lock (_gate)
        {
            if (!_cases.TryGetValue(ticketId, out var found)) return AcceptOutcome.NotFound;
            if (found.Ticket.Status == HandoffStatus.Held) return AcceptOutcome.AlreadyTaken;
            if (found.Ticket.Status != HandoffStatus.Waiting) return AcceptOutcome.NotWaiting;
            taken = found.Ticket with { Status = HandoffStatus.Held, AgentUserName = agent.UserName, AgentDisplayName = agent.DisplayName, Position = null };
            _cases[ticketId] = found with { Ticket = taken };
        }
        await events().TicketChangedAsync(taken, cancellationToken);
        // As the real desk: the bot tells the customer, in their language, who took the conversation, and the console's
        // transcript shows that line.
        LocaleTable language;
        lock (_gate) language = _customerLanguages[ticketId];
        await AddLineAsync(ticketId, "bot", null, HandoffTexts.Joined(language, agent.DisplayName, SupportQueue));
        return AcceptOutcome.Accepted;
    }

    public async Task<HandoffMessage> SendAsync(string ticketId, SupportAgent agent, string text, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_cases.TryGetValue(ticketId, out var found) || found.Ticket.Status != HandoffStatus.Held || found.Ticket.AgentUserName != agent.UserName)
                throw new InvalidOperationException("Only the agent holding the conversation may write in it.");
            Sent.Add((ticketId, agent, text));
        }
        return await AddLineAsync(ticketId, "agent", agent.DisplayName, text);
    }

    public async Task HandBackAsync(string ticketId, SupportAgent agent, HandBack handBack, CancellationToken cancellationToken)
    {
        HandoffTicket ended;
        lock (_gate)
        {
            if (!_cases.TryGetValue(ticketId, out var found) || found.Ticket.Status != HandoffStatus.Held || found.Ticket.AgentUserName != agent.UserName)
                throw new InvalidOperationException("Only the agent holding the conversation may hand it back.");
            HandedBack.Add((ticketId, agent, handBack));
            // As the real desk: the ticket keeps the screen the customer asked at; the resume point goes to the bot.
            ended = found.Ticket with { Status = HandoffStatus.Ended };
            _cases[ticketId] = found with { Ticket = ended };
        }
        await events().TicketChangedAsync(ended, cancellationToken);
    }

    private async Task<HandoffMessage> AddLineAsync(string ticketId, string from, string? author, string text)
    {
        HandoffMessage message;
        lock (_gate)
        {
            var found = _cases[ticketId];
            message = new HandoffMessage($"m{++_nextMessage}", ticketId, from, author, text, time.GetUtcNow());
            _cases[ticketId] = found with { Transcript = [.. found.Transcript, message] };
        }
        await events().MessageAddedAsync(message, CancellationToken.None);
        return message;
    }
}
