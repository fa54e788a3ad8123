namespace ClosureBot.Accounts;

/// <summary>Reads what an account holds. Every call returns fresh figures.</summary>
public interface IAccountInventory
{
    /// <summary>The account with <paramref name="alias"/> (case-insensitive), or null if there is none.</summary>
    Task<AccountSnapshot?> FindAsync(string alias, CancellationToken cancellationToken);

    /// <summary>
    /// Every account this inventory serves. Only for a deployment where anyone may act for any account (Development,
    /// see <c>AccountAccess</c>): there the customer may name any of them, by alias or by name.
    /// </summary>
    Task<IReadOnlyList<AccountSnapshot>> ListAsync(CancellationToken cancellationToken);
}
