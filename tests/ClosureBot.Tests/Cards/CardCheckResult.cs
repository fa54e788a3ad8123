namespace ClosureBot.Tests.Cards;

public sealed record CardCheckResult(string Name, string? Official, string? Mismatch, IReadOnlyList<string> Errors);
