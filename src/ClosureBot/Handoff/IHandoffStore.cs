namespace ClosureBot.Handoff;

/// <summary>
/// The durable queues (a port: Storage implements it). Reads only: every change is a <see cref="HandoffWrite"/> in a
/// turn's commit, so it lands together with the conversation's state, its replies and its audit entries.
/// </summary>
public interface IHandoffStore
{
    Task<HandoffRecord?> FindAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>Tickets waiting or held, each queue oldest first, waiting ones with their place in the queue.</summary>
    Task<IReadOnlyList<HandoffTicket>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>How many tickets wait in <paramref name="queue"/>.</summary>
    Task<int> CountWaitingAsync(string queue, CancellationToken cancellationToken);

    /// <summary>The ticket's lines, oldest first (the newest <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<HandoffMessage>> MessagesAsync(string ticketId, int limit, CancellationToken cancellationToken);

    /// <summary>The channel conversation ids with a ticket waiting or held (retention keeps them).</summary>
    Task<IReadOnlySet<string>> OpenConversationIdsAsync(CancellationToken cancellationToken);
}
