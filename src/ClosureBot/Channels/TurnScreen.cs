using ClosureBot.Protocol.Turns;

namespace ClosureBot.Channels;

/// <summary>
/// Where the conversation stands once its turn has run: a screen of the guided flow (an <c>OffboardingSteps</c> name),
/// or null when it is idle. The flow sets it as its turn ends; channel code around the turn reads it (a Teams card is
/// done with once the conversation has moved past the card's step) without depending on the flow.
/// </summary>
public static class TurnScreen
{
    private const string Key = "closurebot.turn-screen";

    /// <summary>Records where the conversation stands after this turn.</summary>
    public static void Set(ITurnContext context, string? screen) => context.TurnState[Key] = screen ?? Idle;

    /// <summary>
    /// Whether the turn was routed, and if so where it left the conversation. A turn that was not (a replayed
    /// redelivery) says nothing about the screen.
    /// </summary>
    public static bool TryGet(ITurnContext context, out string? screen)
    {
        context.TurnState.TryGetValue(Key, out var value);
        screen = value as string;
        return value is not null;
    }

    // Stands for "routed, and idle": the screen itself is kept as it is, so recording it allocates nothing on a turn.
    private static readonly object Idle = new();
}
