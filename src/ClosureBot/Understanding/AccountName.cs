namespace ClosureBot.Understanding;

/// <summary>An account a customer may name: its alias and its display name ("ACME", "Acme Corporation").</summary>
public sealed record AccountName(string Alias, string Name);
