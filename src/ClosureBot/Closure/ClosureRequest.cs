namespace ClosureBot.Closure;

/// <summary>
/// A customer's request to close an account: the durable, audited record the closure team acts on.
/// One request per account is open at a time.
/// </summary>
public sealed record ClosureRequest(
    string Reference,
    string AccountAlias,
    Requester Requester,
    string ConversationId,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, int> RemainingResources,
    bool HasTermCommitment,
    bool DataRetrievalAcknowledged,
    string Status = ClosureRequestStatus.Open)
{
    /// <summary>Others who asked to close the account while this request was open.</summary>
    public IReadOnlyList<AdditionalRequester> AlsoRequestedBy { get; init; } = [];
}

/// <summary>Who asked: the channel identity, never an e-mail address.</summary>
public sealed record Requester(string ChannelId, string UserId, string? Name, bool Verified);

public static class ClosureRequestStatus
{
    public const string Open = "Open";
}
