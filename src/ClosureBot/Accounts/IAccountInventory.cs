namespace ClosureBot.Accounts;

/// <summary>Reads what an account holds. Every call returns fresh figures.</summary>
public interface IAccountInventory
{
    /// <summary>The account with <paramref name="alias"/> (case-insensitive), or null if there is none.</summary>
    Task<AccountSnapshot?> FindAsync(string alias, CancellationToken cancellationToken);
}
