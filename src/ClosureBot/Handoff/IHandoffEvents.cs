namespace ClosureBot.Handoff;

/// <summary>
/// Live changes the desk announces (the console pushes them to agents' browsers). Called after the change is durable;
/// a failure to announce never undoes it.
/// </summary>
public interface IHandoffEvents
{
    /// <summary>A ticket was queued, taken, handed back or left.</summary>
    Task TicketChangedAsync(HandoffTicket ticket, CancellationToken cancellationToken);

    /// <summary>A line was added to a handed-off conversation (the customer wrote, an agent answered, the bot said something).</summary>
    Task MessageAddedAsync(HandoffMessage message, CancellationToken cancellationToken);
}
