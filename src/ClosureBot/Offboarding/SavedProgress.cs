namespace ClosureBot.Offboarding;

/// <summary>A customer's progress as kept per user, so a later conversation can resume it.</summary>
public sealed record SavedProgress(OffboardingState State, string Screen);
