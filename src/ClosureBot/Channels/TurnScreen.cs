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
    public static void Set(ITurnContext context, string? screen) => context.TurnState[Key] = new Located(screen);

    /// <summary>
    /// Whether the turn was routed, and if so where it left the conversation. A turn that was not (a replayed
    /// redelivery) says nothing about the screen.
    /// </summary>
    public static bool TryGet(ITurnContext context, out string? screen)
    {
        if (context.TurnState.TryGetValue(Key, out var value) && value is Located located)
        {
            screen = located.Screen;
            return true;
        }
        screen = null;
        return false;
    }

    private sealed record Located(string? Screen);
}
