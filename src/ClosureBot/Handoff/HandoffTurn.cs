using ClosureBot.Closure;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Handoff;

/// <summary>What a turn changes in the queues: written in the turn's commit, announced to the console after it.</summary>
public sealed class HandoffTurn
{
    private const string Key = "closurebot.handoff-turn";

    public List<HandoffWrite> Writes { get; } = [];

    public List<AuditEvent> Audit { get; } = [];

    /// <summary>Tickets to announce as changed once the commit is durable.</summary>
    public HashSet<string> ChangedTickets { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Writes.Count == 0 && Audit.Count == 0;

    public static HandoffTurn Of(ITurnContext context) =>
        context.TurnState.TryGetValue(Key, out var value) ? (HandoffTurn)value : Attach(context, new HandoffTurn());

    public static HandoffTurn Attach(ITurnContext context, HandoffTurn turn)
    {
        context.TurnState[Key] = turn;
        return turn;
    }
}
