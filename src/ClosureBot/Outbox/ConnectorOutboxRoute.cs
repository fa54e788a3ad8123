using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Outbox;

/// <summary>Replies addressed to a <c>serviceUrl</c> go back through the Connector REST API.</summary>
internal sealed class ConnectorOutboxRoute(IServiceProvider services) : IOutboxRoute
{
    public bool Handles(Activity reply) => reply.ServiceUrl is not null;

    public IReplyTransport TransportFor(Activity reply) => services.GetRequiredService<ConnectorClient>();

    // The Connector cannot be asked what it received: a reply in flight when the process died is sent again.
    public Task<int> CountAlreadyDeliveredAsync(IReadOnlyList<Activity> turnReplies, CancellationToken cancellationToken) => Task.FromResult(0);
}
