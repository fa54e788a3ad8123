using ClosureBot.Handoff;

namespace ClosureBot.Tests.Handoff;

/// <summary>The real store, counting the reads that come from turns (to prove a conversation without a ticket makes none).</summary>
public sealed class CountingHandoffStore(IHandoffStore inner) : IHandoffStore
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task<HandoffRecord?> FindAsync(string ticketId, CancellationToken cancellationToken) => Count(inner.FindAsync(ticketId, cancellationToken));

    public Task<IReadOnlyList<HandoffTicket>> ListOpenAsync(CancellationToken cancellationToken) => Count(inner.ListOpenAsync(cancellationToken));

    public Task<int> CountWaitingAsync(string queue, CancellationToken cancellationToken) => Count(inner.CountWaitingAsync(queue, cancellationToken));

    public Task<IReadOnlyList<HandoffMessage>> MessagesAsync(string ticketId, int limit, CancellationToken cancellationToken) =>
        Count(inner.MessagesAsync(ticketId, limit, cancellationToken));

    // Retention's read is not a turn's.
    public Task<IReadOnlySet<string>> OpenConversationIdsAsync(CancellationToken cancellationToken) => inner.OpenConversationIdsAsync(cancellationToken);

    private Task<T> Count<T>(Task<T> read)
    {
        Interlocked.Increment(ref _reads);
        return read;
    }
}
