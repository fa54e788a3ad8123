namespace ClosureBot.Offboarding;

/// <summary>
/// The off-boarding waterfall's typed state: what the customer has told us so far. It holds no identity: who may act
/// for the account is decided afresh on every turn from the turn's proven identity.
/// </summary>
public sealed class OffboardingState
{
    public string? AccountAlias { get; set; }
    public string? AccountName { get; set; }

    /// <summary>True when the account record or the customer's answer shows a cloud term commitment.</summary>
    public bool? HasTermCommitment { get; set; }
    public bool DataRetrievalAcknowledged { get; set; }

    /// <summary>A support agent recorded the data as retrieved: step 1 is done and not shown again.</summary>
    public bool DataRetrievedPerSupport { get; set; }

    /// <summary>A support agent checked there is no term commitment: the question is not asked (a commitment on record still wins).</summary>
    public bool NoTermCommitmentPerSupport { get; set; }
    public bool ContinuedWithServersRemaining { get; set; }
    public bool ContinuedWithServicesRemaining { get; set; }

    /// <summary>The screen to go back to once the customer has proved they may act for the account (after a sign-in).</summary>
    public string? ResumeAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The account a typo was taken for ("Did you mean ACME?"): a yes to the next question takes it. Kept for that answer only.</summary>
    public string? SuggestedAlias { get; set; }

    /// <summary>Answers in a row that did not work out (unknown alias, wrong confirmation); three bring an offer of support.</summary>
    public int Misses { get; set; }
}

/// <summary>How an off-boarding conversation ended.</summary>
public enum OffboardingOutcome
{
    /// <summary>The closure request was logged (or the customer was added to the account's open request).</summary>
    Requested,
    /// <summary>A cloud term commitment: the customer was sent to their sales representative.</summary>
    RedirectedToSales,
    /// <summary>The customer cancelled; nothing was requested.</summary>
    Abandoned,
    /// <summary>The customer asked to be reminded later; progress is kept.</summary>
    Paused,
    /// <summary>The customer decided not to start.</summary>
    NotStarted,
}
