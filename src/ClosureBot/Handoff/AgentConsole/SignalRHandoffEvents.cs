using Microsoft.AspNetCore.SignalR;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>Announces the desk's changes to the console pages over <see cref="AgentHub"/>. A failed push is logged, never thrown.</summary>
public sealed class SignalRHandoffEvents(IHubContext<AgentHub> hub, ILogger<SignalRHandoffEvents> logger) : IHandoffEvents
{
    public async Task TicketChangedAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(AgentHub.AgentsGroup).SendAsync("ticketChanged", ticket, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not push the change of ticket {TicketId} to the console", ticket.Id);
        }
    }

    public async Task MessageAddedAsync(HandoffMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(AgentHub.TicketGroup(message.TicketId)).SendAsync("messageAdded", message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not push a line of ticket {TicketId} to the console", message.TicketId);
        }
    }
}
