namespace ClosureBot.Handoff;

/// <summary>What still remains on the customer's account, as counts and names.</summary>
public sealed record RemainingResources(IReadOnlyList<string> Servers, IReadOnlyList<string> Services, DateTimeOffset CheckedAt);
