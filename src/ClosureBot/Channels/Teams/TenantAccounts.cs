namespace ClosureBot.Channels.Teams;

/// <summary>The accounts of one tenant's users (<c>Teams:TenantAccounts:{tenantId}</c>).</summary>
public sealed class TenantAccounts
{
    /// <summary>Aliases every user of the tenant may close.</summary>
    public List<string> Accounts { get; set; } = [];

    /// <summary>AAD object id → aliases that user (instead of the tenant's list) may close.</summary>
    public Dictionary<string, List<string>> Users { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
