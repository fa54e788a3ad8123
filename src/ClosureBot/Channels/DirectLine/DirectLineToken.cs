namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// What a Direct Line token grants: one conversation, as one user. <see cref="AccountAlias"/> and <see cref="Verified"/>
/// carry an identity the provider's portal vouched for; anonymous users have neither.
/// </summary>
public sealed record DirectLineToken(string ConversationId, string UserId, string? UserName, string? AccountAlias, bool Verified,
    DateTimeOffset ExpiresAt);
