using System.Collections.Concurrent;
using ClosureBot.Handoff;

namespace ClosureBot.Tests.Handoff;

/// <summary>Stands in for the console's live push: records what the desk announces.</summary>
public sealed class RecordingHandoffEvents : IHandoffEvents
{
    public ConcurrentQueue<HandoffTicket> Tickets { get; } = new();

    public ConcurrentQueue<HandoffMessage> Messages { get; } = new();

    public Task TicketChangedAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        Tickets.Enqueue(ticket);
        return Task.CompletedTask;
    }

    public Task MessageAddedAsync(HandoffMessage message, CancellationToken cancellationToken)
    {
        Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}
