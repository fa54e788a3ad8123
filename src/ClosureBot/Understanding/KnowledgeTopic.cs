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
}
