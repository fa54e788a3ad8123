namespace ClosureBot.Offboarding;

/// <summary>The account being closed is no longer in the inventory (closed or renamed meanwhile).</summary>
public sealed class AccountGoneException(string alias) : Exception($"Account {alias} is no longer in the inventory.")
{
    public string Alias { get; } = alias;
}
