namespace ClosureBot.Understanding;

/// <summary>The account a message names: <see cref="Exact"/> when named as is, false when only close (a typo).</summary>
public sealed record AliasMatch(string Alias, bool Exact);
