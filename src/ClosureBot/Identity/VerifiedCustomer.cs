using System.Security.Claims;

namespace ClosureBot.Identity;

/// <summary>A customer whose identity this turn's credential proved, and the accounts they may act for.</summary>
public sealed record VerifiedCustomer(string UserId, string? Name, IReadOnlyList<string> Accounts, string Source)
{
    /// <summary>The customer <paramref name="identity"/> names, or null when it proves nothing.</summary>
    public static VerifiedCustomer? From(ClaimsIdentity? identity)
    {
        if (identity is not { IsAuthenticated: true, AuthenticationType: { Length: > 0 } source }
            || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { Length: > 0 } userId) return null;
        var accounts = identity.FindAll(CustomerClaims.Account).Select(c => c.Value).ToArray();
        return new VerifiedCustomer(userId, identity.FindFirst(ClaimTypes.Name)?.Value, accounts, source);
    }

    /// <summary>Whether the customer may act for <paramref name="alias"/> (aliases compare case-insensitively).</summary>
    public bool MayActFor(string alias) => Accounts.Any(a => string.Equals(a, alias, StringComparison.OrdinalIgnoreCase));
}
