using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// Failed sign-ins per user name (known or not, so a lock-out tells nothing about which names exist): after
/// <see cref="AgentConsoleOptions.LockoutFailures"/> in a row the name is refused for <see cref="AgentConsoleOptions.LockoutDuration"/>.
/// Kept in memory per instance; the per-address rate limit on the sign-in form bounds how many names one client can try.
/// </summary>
public sealed class SignInLockout(IOptions<AgentConsoleOptions> options, TimeProvider time)
{
    private const int MaxTrackedNames = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Until when <paramref name="userName"/> is locked out, or null when it may try.</summary>
    public DateTimeOffset? LockedUntil(string userName)
    {
        if (!_entries.TryGetValue(userName, out var entry) || entry.LockedUntil is not { } until) return null;
        return until > time.GetUtcNow() ? until : null;
    }

    /// <summary>Counts a failure; returns until when the name is now locked out, if this failure locked it.</summary>
    public DateTimeOffset? RecordFailure(string userName)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= MaxTrackedNames) Prune(now);
        var settings = options.Value;
        var entry = _entries.AddOrUpdate(userName,
            _ => Next(new Entry(0, null), now, settings),
            (_, current) => Next(current, now, settings));
        return entry.LockedUntil > now && entry.Failures == 0 ? entry.LockedUntil : null;
    }

    public void RecordSuccess(string userName) => _entries.TryRemove(userName, out _);

    private static Entry Next(Entry current, DateTimeOffset now, AgentConsoleOptions settings)
    {
        if (current.LockedUntil > now) return current;
        var failures = (current.LockedUntil is null ? current.Failures : 0) + 1;
        return failures >= settings.LockoutFailures ? new Entry(0, now + settings.LockoutDuration) : new Entry(failures, null);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (name, entry) in _entries)
            if (entry.LockedUntil is null || entry.LockedUntil <= now) _entries.TryRemove(name, out _);
    }

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil);
}
