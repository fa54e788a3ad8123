using System.Security.Claims;

namespace ClosureBot.Protocol.Authentication;

/// <summary>What <see cref="IChannelAuthenticator"/> concluded about a request.</summary>
/// <param name="Succeeded">Whether the request may proceed.</param>
/// <param name="ChannelIdentity">The channel's (or Emulator's) validated token claims; null when unauthenticated (local development).</param>
/// <param name="Failure">Why the request was refused, for the log only: the caller is told no more than 401.</param>
public sealed record ChannelAuthenticationResult(bool Succeeded, ClaimsIdentity? ChannelIdentity, string? Failure)
{
    /// <summary>Accepted without a token (local-development mode).</summary>
    public static ChannelAuthenticationResult Anonymous { get; } = new(true, null, null);

    /// <summary>Accepted on the strength of <paramref name="identity"/>.</summary>
    public static ChannelAuthenticationResult Success(ClaimsIdentity identity) => new(true, identity, null);

    /// <summary>Refused for <paramref name="reason"/>.</summary>
    public static ChannelAuthenticationResult Fail(string reason) => new(false, null, reason);
}
