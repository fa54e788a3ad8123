using ClosureBot.Closure;

namespace ClosureBot.Offboarding;

/// <summary>
/// How a closure ended, as the off-boarding dialog returns it (or the router, for a pause or an end it decides itself),
/// with what the turn's commit must write for that end: the closure request, the customer added to an open one, the
/// audit entries. The router hands it to the runner, which commits it with the turn.
/// </summary>
public sealed record OffboardingResult(OffboardingOutcome Outcome, string? AccountAlias = null, string? Reference = null)
{
    /// <summary>A closure request to write in this turn's commit.</summary>
    public ClosureRequest? NewClosureRequest { get; init; }

    /// <summary>Someone asking to close an account whose request is already open.</summary>
    public AdditionalRequester? AdditionalRequester { get; init; }

    /// <summary>Entries for the audit trail, written with this turn's commit.</summary>
    public IReadOnlyList<AuditEvent> Audit { get; init; } = [];

    /// <summary>Whether a later conversation should still be told how this closure ended (a pause or not starting is no end to tell).</summary>
    public bool IsToldLater => Outcome is not (OffboardingOutcome.Paused or OffboardingOutcome.NotStarted);
}
