namespace ClosureBot.Handoff;

/// <summary>A conversation in a queue or held by an agent, as the console lists it.</summary>
/// <param name="Id">The ticket id (opaque; the console's URLs use it, never the channel's conversation id).</param>
/// <param name="Queue"><see cref="HandoffQueues.Support"/> or <see cref="HandoffQueues.Sales"/>.</param>
/// <param name="Reason">Why: <c>asked</c>, <c>misunderstood</c>, <c>stuck</c> (a step's task did not work), <c>term-commitment</c>, …</param>
/// <param name="Screen">The flow screen the customer was at when they asked (an OffboardingSteps id), null when idle.</param>
/// <param name="LeftMessage">Whether the customer left a message outside opening hours.</param>
public sealed record HandoffTicket(
    string Id,
    string Queue,
    string Reason,
    string ChannelId,
    string? AccountAlias,
    bool Verified,
    string? Screen,
    HandoffStatus Status,
    DateTimeOffset RequestedAt,
    string? AgentUserName,
    string? AgentDisplayName,
    int? Position,
    bool LeftMessage);
