namespace ClosureBot.Handoff;

/// <summary>Announces nothing: the default until the agent console registers its live push.</summary>
internal sealed class NoHandoffEvents : IHandoffEvents
{
    public Task TicketChangedAsync(HandoffTicket ticket, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MessageAddedAsync(HandoffMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
