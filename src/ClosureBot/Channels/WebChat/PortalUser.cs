namespace ClosureBot.Channels.WebChat;

/// <summary>A signed-in portal user as the trusted issuer asserted them; <see cref="UserId"/> is derived, never the portal's raw subject.</summary>
public sealed record PortalUser(string UserId, string? Name, string? AccountAlias);
