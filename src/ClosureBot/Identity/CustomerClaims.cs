using System.Security.Claims;

namespace ClosureBot.Identity;

/// <summary>
/// How a verified customer travels on a turn (<see cref="Protocol.Turns.ITurnContext.Identity"/>): a claims identity
/// whose authentication type names the proof (<see cref="Sources"/>), with the user's id, name and one
/// <see cref="Account"/> claim per account alias they may administer. Channels build it only from a credential
/// checked in the same request.
/// </summary>
public static class CustomerClaims
{
    /// <summary>One claim per account alias the person may act for.</summary>
    public const string Account = "closurebot/account";

    /// <summary>
    /// Name of the <c>event</c> activity a channel sends into a conversation when its customer has just proved who they
    /// are, so the bot can carry on with them verified. The event proves nothing itself: the turn's identity does.
    /// </summary>
    public const string SignedInEvent = "closurebot/signedIn";

    /// <summary>The proofs a channel can offer.</summary>
    public static class Sources
    {
        /// <summary>The provider portal's signed assertion (<c>WebChat:TrustedIssuer</c>).</summary>
        public const string Portal = "portal";
        /// <summary>A sign-in through the OpenID Connect provider (<c>Identity:Authority</c>).</summary>
        public const string OpenIdConnect = "oidc";
        /// <summary>A Teams user vouched for by the channel's token.</summary>
        public const string Teams = "teams";
    }

    /// <summary>The identity of a customer proven by <paramref name="source"/>.</summary>
    public static ClaimsIdentity Create(string source, string userId, string? name, IEnumerable<string> accounts)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId) };
        if (!string.IsNullOrWhiteSpace(name)) claims.Add(new Claim(ClaimTypes.Name, name));
        foreach (var alias in accounts.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase))
            claims.Add(new Claim(Account, alias.Trim()));
        return new ClaimsIdentity(claims, source, ClaimTypes.Name, ClaimTypes.Role);
    }
}
