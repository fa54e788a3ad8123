namespace ClosureBot.Channels.DirectLine;

/// <summary>
/// What a Direct Line token grants: one conversation, as one user. <see cref="VerifiedBy"/> names the proof behind an
/// identity (<see cref="Identity.CustomerClaims.Sources"/>) and <see cref="Accounts"/> the account aliases that proof
/// lets the user act for; anonymous users have neither.
/// </summary>
public sealed record DirectLineToken(string ConversationId, string UserId, string? UserName, IReadOnlyList<string> Accounts, string? VerifiedBy,
    DateTimeOffset ExpiresAt)
{
    public bool Verified => VerifiedBy is not null;
}
