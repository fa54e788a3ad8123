using ClosureBot.Closure;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Offboarding;

/// <summary>Per-turn facts and pending writes shared by the router, the dialog and the commit.</summary>
public sealed class OffboardingTurn
{
    private const string Key = "closurebot.offboarding-turn";

    /// <summary>The customer as the channel vouches for them, if it does.</summary>
    public VerifiedIdentity? Identity { get; init; }

    /// <summary>A closure request to write in this turn's commit.</summary>
    public ClosureRequest? NewClosureRequest { get; set; }

    /// <summary>Set when the off-boarding dialog ended in this turn.</summary>
    public OffboardingOutcome? Outcome { get; set; }

    public static OffboardingTurn Of(ITurnContext context) =>
        context.TurnState.TryGetValue(Key, out var value) ? (OffboardingTurn)value : Attach(context, new OffboardingTurn());

    public static OffboardingTurn Attach(ITurnContext context, OffboardingTurn turn)
    {
        context.TurnState[Key] = turn;
        return turn;
    }
}

/// <summary>
/// An identity the channel has verified (e.g. the provider's portal signed it), naming the customer and,
/// when known, the account they manage. Channels put it in the turn state under <see cref="TurnStateKey"/>.
/// </summary>
public sealed record VerifiedIdentity(string UserId, string? Name, string? AccountAlias)
{
    public const string TurnStateKey = "closurebot.verified-identity";
}
