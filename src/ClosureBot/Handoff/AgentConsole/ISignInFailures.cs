namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// The console's failed sign-ins per user name, kept where every app instance sees them (a port: Storage implements it
/// in the database), so failures through any instance count towards one lock-out.
/// </summary>
public interface ISignInFailures
{
    /// <summary>Until when <paramref name="userKey"/> is locked out after <paramref name="now"/> (Unix milliseconds), or null.</summary>
    Task<long?> LockedUntilAsync(string userKey, long now, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one failure in one atomic statement: while locked, nothing changes; otherwise the count goes up (from zero
    /// after an ended lock-out), and reaching <paramref name="limit"/> locks the name until <paramref name="now"/> +
    /// <paramref name="duration"/> and clears the count. Returns the lock's end when the name is locked after this failure.
    /// </summary>
    Task<long?> RecordFailureAsync(string userKey, long now, int limit, long duration, CancellationToken cancellationToken);

    /// <summary>Forgets the failures of <paramref name="userKey"/> (a successful sign-in).</summary>
    Task ClearAsync(string userKey, CancellationToken cancellationToken);
}
