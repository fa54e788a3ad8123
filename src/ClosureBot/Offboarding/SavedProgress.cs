namespace ClosureBot.Offboarding;

/// <summary>
/// Where a customer left the closure (the screen) and what they had told us, stamped with the version of the dialog that
/// saved it: another version's save is never resumed.
/// </summary>
public sealed record SavedProgress(OffboardingState State, string Screen, string? Version = null);
