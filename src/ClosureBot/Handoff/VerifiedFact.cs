namespace ClosureBot.Handoff;

/// <summary>Something a support agent checked for the customer, which the flow respects after the hand-back.</summary>
public enum VerifiedFact
{
    /// <summary>The customer's data has been retrieved (step 1 is done).</summary>
    DataRetrieved,

    /// <summary>The term commitment was checked and there is none (the exception question is not asked).</summary>
    NoTermCommitment,
}
