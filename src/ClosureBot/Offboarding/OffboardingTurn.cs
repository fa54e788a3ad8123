using ClosureBot.Identity;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Offboarding;

/// <summary>
/// What the runner knows of a turn before the router runs it, for the router and the dialogs to read: who the channel
/// vouches for, and whether the customer's language changed. It carries nothing back: how the closure ended, and what
/// the commit writes for it, is the dialog's <see cref="OffboardingResult"/>.
/// </summary>
public sealed class OffboardingTurn
{
    private const string Key = "closurebot.offboarding-turn";

    /// <summary>The customer as the channel vouches for them, if it does.</summary>
    public VerifiedCustomer? Identity { get; init; }

    /// <summary>Whether the customer's language differs from their previous activity's.</summary>
    public bool LanguageChanged { get; init; }

    /// <summary>The facts attached to <paramref name="context"/>; none (nobody vouched for, the language unchanged) when none were.</summary>
    public static OffboardingTurn Of(ITurnContext context) =>
        context.TurnState.TryGetValue(Key, out var value) ? (OffboardingTurn)value : Attach(context, new OffboardingTurn());

    public static OffboardingTurn Attach(ITurnContext context, OffboardingTurn turn)
    {
        context.TurnState[Key] = turn;
        return turn;
    }
}
