using System.Diagnostics;
using System.Security.Claims;
using ClosureBot.Handoff.AgentConsole;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace ClosureBot.Tests.Handoff.AgentConsole;

public class AgentConnectionsTests
{
    [Fact]
    public void Add_RequestedBeforeTheAgentSignedOut_IsClosedAsItArrives()
    {
        var connections = new AgentConnections();
        var requestedAt = Stopwatch.GetTimestamp();
        connections.CloseAll("dana"); // the sign-out ran before the hub's OnConnectedAsync got to register the connection
        var late = new FakeContext("c1");

        connections.Add("Dana", late, requestedAt);

        Assert.True(late.Aborted);
        Assert.Equal(0, connections.Count);
    }

    [Fact]
    public void Add_RequestedAfterTheSignOut_StaysOpenUntilTheNextOne()
    {
        var connections = new AgentConnections();
        connections.CloseAll("dana");
        var fresh = new FakeContext("c2");

        connections.Add("dana", fresh, Stopwatch.GetTimestamp());

        Assert.False(fresh.Aborted);
        Assert.Equal(1, connections.Count);
        connections.CloseAll("dana");
        Assert.True(fresh.Aborted);
        Assert.Equal(0, connections.Count);
    }

    [Fact]
    public void CloseAll_OtherAgentsConnections_StayOpen()
    {
        var connections = new AgentConnections();
        var other = new FakeContext("c3");
        connections.Add("sam", other, Stopwatch.GetTimestamp());

        connections.CloseAll("dana");

        Assert.False(other.Aborted);
        Assert.Equal(1, connections.Count);
    }

    private sealed class FakeContext(string id) : HubCallerContext
    {
        public bool Aborted { get; private set; }
        public override string ConnectionId => id;
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() => Aborted = true;
    }
}
