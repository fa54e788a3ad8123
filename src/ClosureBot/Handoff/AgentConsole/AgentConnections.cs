using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// The console's open hub connections per agent, so signing out closes that agent's live pushes at once. A connection
/// is only known here once the hub has run its <c>OnConnectedAsync</c>, which SignalR does after the client's handshake
/// completed: a sign-out in between would miss it, so each sign-out's time is kept, and a connection whose request came
/// before its agent's last sign-out is closed as it arrives.
/// </summary>
public sealed class AgentConnections
{
    private readonly ConcurrentDictionary<string, (string UserName, HubCallerContext Context)> _open = new();
    private readonly ConcurrentDictionary<string, long> _signedOut = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="requestedAt">When the connection's request arrived (<see cref="Stopwatch.GetTimestamp"/>).</param>
    public void Add(string userName, HubCallerContext context, long requestedAt)
    {
        _open[context.ConnectionId] = (userName, context);
        // Added first, checked second; CloseAll marks first and closes second: one of the two always sees the other.
        if (_signedOut.TryGetValue(userName, out var signedOut) && signedOut >= requestedAt && _open.TryRemove(context.ConnectionId, out _))
            context.Abort();
    }

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    public int Count => _open.Count;

    public void CloseAll(string userName)
    {
        _signedOut[userName] = Stopwatch.GetTimestamp();
        foreach (var (id, (name, context)) in _open)
            if (string.Equals(name, userName, StringComparison.OrdinalIgnoreCase) && _open.TryRemove(id, out _)) context.Abort();
    }
}
