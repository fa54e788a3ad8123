namespace ClosureBot.Understanding;

/// <summary>What a customer's question is about: the topics of the knowledge base (the article and the support facts).</summary>
public enum KnowledgeTopic
{
    TermCommitment,
    ServiceTask,
    Servers,
    Services,
    StillBilled,
    FinalInvoice,
    Alias,
    RequestToClose,
    DataRecovery,
    /// <summary>What becomes of the data and everything on the account once it is closed: deleted, never recovered.</summary>
    DataAfterClosing,
    /// <summary>How long the closure takes: the steps here, then the verification of the request.</summary>
    Duration,
    /// <summary>How to get the data off the servers (step 1).</summary>
    RetrieveData,
    /// <summary>The closure request's reference: when there is one, and what it is once there is.</summary>
    Reference,
    /// <summary>Whether closing costs anything: what is billed until it is deleted, the final invoice, the paid Service Task.</summary>
    ClosingCost,
    /// <summary>How to delete the servers and services that remain (the Control Portal, the API), and that the bot cannot.</summary>
    DeleteResources,
    /// <summary>Who the sales representative is and how to reach them (the term-commitment exception goes through them).</summary>
    SalesContact,
    /// <summary>Whether the customer is talking to a person or a bot ("are you a real person?"): a bot, and support is a choice away.</summary>
    AboutTheBot,
    /// <summary>What closing takes ("what do I need to do before closing?", "what are the steps?"): the exception and the five steps.</summary>
    Steps,
}
