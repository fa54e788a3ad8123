namespace ClosureBot.Channels.Teams;

/// <summary>Configuration section <c>Teams</c>: who Teams users are for the bot, and how fast it may post to a Teams conversation.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Local testing only (the Microsoft 365 Agents Playground runs with auth off): treat Teams users as verified although
    /// no channel token proved the request. Honoured in Development only; the app refuses to start with it elsewhere.
    /// </summary>
    public bool TrustUnauthenticatedChannel { get; set; }

    /// <summary>Tenant id → the account aliases its users may close (and, optionally, single users by AAD object id).</summary>
    public Dictionary<string, TenantAccounts> TenantAccounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Messages the bot posts to one Teams conversation per second at most (Teams: 7 per second per conversation).</summary>
    public int MaxMessagesPerSecondPerConversation { get; set; } = 7;

    /// <summary>The accounts of the user <paramref name="aadObjectId"/> of <paramref name="tenantId"/>: their own entry, else the tenant's.</summary>
    public IReadOnlyList<string> AccountsOf(string tenantId, string aadObjectId)
    {
        if (!TenantAccounts.TryGetValue(tenantId, out var tenant)) return [];
        var user = tenant.Users.FirstOrDefault(u => string.Equals(u.Key, aadObjectId, StringComparison.OrdinalIgnoreCase));
        return user.Value is { } own ? own : tenant.Accounts;
    }
}
