namespace ClosureBot.Retention;

/// <summary>
/// One area's part of a retention pass (a port: the store and the web chat channel implement it). Deletes are
/// conditional on what was read (nothing that changed since is deleted), so several instances may sweep at once and
/// each row is deleted, and counted, once.
/// </summary>
public interface IRetentionSweep
{
    Task SweepAsync(RetentionPass pass, CancellationToken cancellationToken);
}
