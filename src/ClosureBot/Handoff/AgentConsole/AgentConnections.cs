using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>The console's open hub connections per agent, so signing out closes that agent's live pushes at once.</summary>
public sealed class AgentConnections
{
    private readonly ConcurrentDictionary<string, (string UserName, HubCallerContext Context)> _open = new();

    public void Add(string userName, HubCallerContext context) => _open[context.ConnectionId] = (userName, context);

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    public int Count => _open.Count;

    public void CloseAll(string userName)
    {
        foreach (var (id, (name, context)) in _open)
            if (string.Equals(name, userName, StringComparison.OrdinalIgnoreCase) && _open.TryRemove(id, out _)) context.Abort();
    }
}
