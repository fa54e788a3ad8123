using ClosureBot.Localization;

namespace ClosureBot.Handoff;

/// <summary>
/// What support staff can do with conversations handed to people: the port the agent console (and its tests) use.
/// Every call is made on behalf of an agent the console has authenticated in the same request; the desk never trusts
/// an agent name from anywhere else. Changes are durable before the call returns and are in the audit trail.
/// </summary>
public interface IHandoffDesk
{
    /// <summary>The screens an agent may hand a conversation back at, in flow order, with their titles (and "end").</summary>
    IReadOnlyList<HandBackPoint> HandBackPoints { get; }

    /// <summary>Conversations waiting in a queue or held by an agent, oldest first within each queue.</summary>
    Task<IReadOnlyList<HandoffTicket>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One conversation with its transcript, progress, remaining resources and closure request; null when unknown.</summary>
    Task<HandoffCase?> FindAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="FindAsync(string, CancellationToken)"/>, with what staff read (step titles, server states, service
    /// kinds) in <paramref name="language"/>: the console asks in the agent's browser language.
    /// </summary>
    Task<HandoffCase?> FindAsync(string ticketId, LocaleTable language, CancellationToken cancellationToken) => FindAsync(ticketId, cancellationToken);

    /// <summary>Takes a waiting conversation. Of two agents racing, exactly one gets <see cref="AcceptOutcome.Accepted"/>.</summary>
    Task<AcceptOutcome> AcceptAsync(string ticketId, SupportAgent agent, CancellationToken cancellationToken);

    /// <summary>Sends the agent's message to the customer over the customer's channel (only by the agent holding it).</summary>
    Task<HandoffMessage> SendAsync(string ticketId, SupportAgent agent, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the conversation back to the bot at <see cref="HandBack.ResumeAt"/> with the facts the agent verified; the
    /// bot speaks first (greets the customer back and shows that step's card with fresh figures).
    /// </summary>
    Task HandBackAsync(string ticketId, SupportAgent agent, HandBack handBack, CancellationToken cancellationToken);
}
