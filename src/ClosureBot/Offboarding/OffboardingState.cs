namespace ClosureBot.Offboarding;

/// <summary>The off-boarding waterfall's typed state: what the customer has told us so far.</summary>
public sealed class OffboardingState
{
    public string? AccountAlias { get; set; }
    public string? AccountName { get; set; }

    /// <summary>The account came from the channel's verified identity rather than being typed.</summary>
    public bool IdentityVerified { get; set; }

    public bool? HasTermCommitment { get; set; }
    public bool DataRetrievalAcknowledged { get; set; }
    public bool ContinuedWithServersRemaining { get; set; }
    public bool ContinuedWithServicesRemaining { get; set; }
    public string? ClosureReference { get; set; }
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Answers in a row that did not work out (unknown alias, wrong confirmation); three bring an offer of support.</summary>
    public int Misses { get; set; }
}

/// <summary>How an off-boarding conversation ended.</summary>
public enum OffboardingOutcome
{
    /// <summary>The closure request was logged.</summary>
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
