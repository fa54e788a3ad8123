using Microsoft.AspNetCore.SignalR;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// The console's live channel (<c>/agent/hub</c>): the server pushes <c>ticketChanged</c> to every signed-in agent and
/// <c>messageAdded</c> to the agents watching that conversation. Agents act through the HTTP API, not through the hub.
/// </summary>
public sealed class AgentHub(AgentConnections connections) : Hub
{
    public const string Path = "/agent/hub";
    public const string AgentsGroup = "agents";
    /// <summary>The <see cref="HttpContext.Items"/> key under which <see cref="HubRequestGuard"/> notes when a hub request arrived.</summary>
    internal const string RequestedAtItem = "closurebot:agent-hub-requested-at";
    private const string WatchingKey = "watching";

    public static string TicketGroup(string ticketId) => "ticket:" + ticketId;

    public override async Task OnConnectedAsync()
    {
        // The endpoint requires the agent policy, so a connection without an agent never gets here; this is the belt.
        if (AgentPrincipal.Of(Context.User) is not { } agent)
        {
            Context.Abort();
            return;
        }
        var requestedAt = Context.GetHttpContext()?.Items[RequestedAtItem] is long at ? at : System.Diagnostics.Stopwatch.GetTimestamp();
        connections.Add(agent.UserName, Context, requestedAt);
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentsGroup);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Answers once this connection receives <c>ticketChanged</c>. The client's handshake completes before SignalR runs
    /// <see cref="OnConnectedAsync"/> (which joins the agents' group), but a connection's invocations run only after it:
    /// a page that reads the queues after this answer misses no change, while one that reads them right after the
    /// handshake can miss a ticket queued in between.
    /// </summary>
    public Task Ready() => Task.CompletedTask;

    /// <summary>Receive the lines of <paramref name="ticketId"/> as they are added (and stop receiving those of the previous one).</summary>
    public async Task Watch(string ticketId)
    {
        if (string.IsNullOrEmpty(ticketId) || ticketId.Length > 200) throw new HubException("Not a ticket id.");
        if (Context.Items.TryGetValue(WatchingKey, out var previous) && previous is string old)
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, TicketGroup(old));
        Context.Items[WatchingKey] = ticketId;
        await Groups.AddToGroupAsync(Context.ConnectionId, TicketGroup(ticketId));
    }
}
