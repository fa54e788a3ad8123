namespace ClosureBot.Closure;

/// <summary>
/// The durable log of closure requests and the audit trail (a port: Storage implements it). Writes happen only in a
/// turn's commit, together with the conversation's state.
/// </summary>
public interface IClosureLog
{
    Task<ClosureRequest?> FindOpenAsync(string accountAlias, CancellationToken cancellationToken);

    /// <summary>Every request, oldest first, each with the people who asked again while it was open.</summary>
    Task<IReadOnlyList<ClosureRequest>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The audit trail, oldest first (at most <paramref name="limit"/> entries, the newest ones).</summary>
    Task<IReadOnlyList<AuditEvent>> ListAuditAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The conversations (channel conversation ids) in which an open request was made or asked for again.</summary>
    Task<IReadOnlySet<string>> OpenRequestConversationsAsync(CancellationToken cancellationToken);
}
