namespace ClosureBot.Understanding;

/// <summary>An account a customer may name: its alias and its display name ("ACME", "Acme Corporation").</summary>
public sealed record AccountName(string Alias, string Name);

/// <summary>The account a message names: <see cref="Exact"/> when named as is, false when only close (a typo).</summary>
public sealed record AliasMatch(string Alias, bool Exact);
