namespace ClosureBot.Channels.WebChat;

/// <summary>
/// The web chat's user: anonymous (<see cref="VerifiedBy"/> null) or verified by a proof named in
/// <see cref="Identity.CustomerClaims.Sources"/>. <see cref="UserId"/> is derived, never the provider's raw subject.
/// </summary>
public sealed record PortalUser(string UserId, string? Name, IReadOnlyList<string> Accounts, string? VerifiedBy = null);
