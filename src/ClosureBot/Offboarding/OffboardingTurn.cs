using ClosureBot.Closure;
using ClosureBot.Identity;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Offboarding;

/// <summary>Per-turn facts and pending writes shared by the router, the dialog and the commit.</summary>
public sealed class OffboardingTurn
{
    private const string Key = "closurebot.offboarding-turn";

    /// <summary>The customer as the channel vouches for them, if it does.</summary>
    public VerifiedCustomer? Identity { get; init; }

    /// <summary>Whether the customer's language differs from their previous activity's.</summary>
    public bool LanguageChanged { get; init; }

    /// <summary>A closure request to write in this turn's commit.</summary>
    public ClosureRequest? NewClosureRequest { get; set; }

    /// <summary>Someone asking to close an account whose request is already open.</summary>
    public AdditionalRequester? AdditionalRequester { get; set; }

    /// <summary>Entries for the audit trail, written with this turn's commit.</summary>
    public List<AuditEvent> Audit { get; } = [];

    /// <summary>Set when the off-boarding dialog ended in this turn.</summary>
    public OffboardingOutcome? Outcome { get; set; }

    /// <summary>The account of the closure that ended in this turn, if one was chosen.</summary>
    public string? EndedAccount { get; set; }

    /// <summary>The reference of the closure request logged in this turn, if one was.</summary>
    public string? EndedReference { get; set; }

    public static OffboardingTurn Of(ITurnContext context) =>
        context.TurnState.TryGetValue(Key, out var value) ? (OffboardingTurn)value : Attach(context, new OffboardingTurn());

    public static OffboardingTurn Attach(ITurnContext context, OffboardingTurn turn)
    {
        context.TurnState[Key] = turn;
        return turn;
    }
}
