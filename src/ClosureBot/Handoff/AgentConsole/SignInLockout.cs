using Microsoft.Extensions.Options;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// Failed sign-ins per user name (known or not, so a lock-out tells nothing about which names exist): after
/// <see cref="AgentConsoleOptions.LockoutFailures"/> in a row the name is refused for <see cref="AgentConsoleOptions.LockoutDuration"/>.
/// Counted in the database (<see cref="ISignInFailures"/>), so failures through every app instance add up; the
/// per-address rate limit on the sign-in form bounds how many names one client can try.
/// </summary>
public sealed class SignInLockout(ISignInFailures failures, IOptions<AgentConsoleOptions> options, TimeProvider time)
{
    /// <summary>Until when <paramref name="userName"/> is locked out, or null when it may try.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string userName, CancellationToken cancellationToken) =>
        await failures.LockedUntilAsync(Key(userName), time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken) is { } until
            ? DateTimeOffset.FromUnixTimeMilliseconds(until)
            : null;

    /// <summary>Counts a failure; returns until when the name is now locked out, if it is.</summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(string userName, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var until = await failures.RecordFailureAsync(Key(userName), time.GetUtcNow().ToUnixTimeMilliseconds(), settings.LockoutFailures,
            (long)settings.LockoutDuration.TotalMilliseconds, cancellationToken);
        return until is { } locked ? DateTimeOffset.FromUnixTimeMilliseconds(locked) : null;
    }

    public Task RecordSuccessAsync(string userName, CancellationToken cancellationToken) => failures.ClearAsync(Key(userName), cancellationToken);

    // Names compare without case, as the configured agents do.
    private static string Key(string userName) => userName.ToUpperInvariant();
}
