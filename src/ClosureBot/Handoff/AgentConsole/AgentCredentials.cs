using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// Checks a user name and password against the configured agents with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>,
/// honouring the lock-out. An unknown name costs the same hash check as a known one, so timing does not tell them apart.
/// </summary>
public sealed class AgentCredentials(IOptionsMonitor<AgentConsoleOptions> options, SignInLockout lockout, ILogger<AgentCredentials> logger)
{
    public const int MaxUserNameLength = 100;
    public const int MaxPasswordLength = 256;
    private static readonly PasswordHasher<AgentAccount> Hasher = new();
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(new AgentAccount(), Guid.NewGuid().ToString()));

    /// <summary>The configured agent of that name (any case), or null.</summary>
    public AgentAccount? Find(string? userName) =>
        string.IsNullOrEmpty(userName) ? null
            : options.CurrentValue.Agents.FirstOrDefault(a => string.Equals(a.UserName.Trim(), userName, StringComparison.OrdinalIgnoreCase));

    public async Task<SignInResult> CheckAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        userName = userName?.Trim();
        if (string.IsNullOrEmpty(userName) || userName.Length > MaxUserNameLength || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength)
            return SignInResult.Refused;
        if (await lockout.LockedUntilAsync(userName, cancellationToken) is { } locked) return new SignInResult(null, locked);

        var agent = Find(userName);
        var outcome = Hasher.VerifyHashedPassword(agent ?? new AgentAccount(), agent?.PasswordHash ?? DecoyHash.Value, password);
        if (agent is not null && outcome != PasswordVerificationResult.Failed)
        {
            await lockout.RecordSuccessAsync(userName, cancellationToken);
            logger.LogInformation("Agent {AgentUserName} signed in to the console", agent.UserName);
            return new SignInResult(agent, null);
        }
        var lockedNow = await lockout.RecordFailureAsync(userName, cancellationToken);
        // The name is the agent's own input: logged as a property (escaped), at Warning for the security trail.
        logger.LogWarning("Failed console sign-in for {AttemptedUserName}; locked out: {LockedOut}", userName, lockedNow is not null);
        return new SignInResult(null, lockedNow);
    }

    /// <summary>Hashes a password as <see cref="CheckAsync"/> expects it.</summary>
    public static string Hash(string password) => Hasher.HashPassword(new AgentAccount(), password);

    /// <summary>Whether <paramref name="value"/> has the shape of an ASP.NET Core password hash (format 3).</summary>
    public static bool IsPasswordHash(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        Span<byte> bytes = stackalloc byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var length) && length >= 61 && bytes[0] == 0x01;
    }
}
