using ClosureBot.Localization;

namespace ClosureBot.Accounts;

/// <summary>The billed service kinds the article asks the customer to remove (step 3), with their display names.</summary>
public static class ServiceKinds
{
    public const string VirtualNetwork = "virtualNetwork";
    public const string PublicIpAddress = "publicIpAddress";
    public const string SiteToSiteVpn = "siteToSiteVpn";
    public const string LoadBalancerPool = "loadBalancerPool";
    public const string ObjectStorageBucket = "objectStorageBucket";
    public const string AppFogApplication = "appFogApplication";

    /// <summary>Every kind, in the article's order.</summary>
    public static readonly IReadOnlyList<string> All =
        [VirtualNetwork, PublicIpAddress, SiteToSiteVpn, LoadBalancerPool, ObjectStorageBucket, AppFogApplication];

    /// <summary>Plural display name of a kind, in the language of <paramref name="t"/>.</summary>
    public static string DisplayName(LocaleTable t, string kind) => kind switch
    {
        VirtualNetwork => t[TextId.KindVirtualNetwork],
        PublicIpAddress => t[TextId.KindPublicIpAddress],
        SiteToSiteVpn => t[TextId.KindSiteToSiteVpn],
        LoadBalancerPool => t[TextId.KindLoadBalancerPool],
        ObjectStorageBucket => t[TextId.KindObjectStorageBucket],
        AppFogApplication => t[TextId.KindAppFogApplication],
        "servers" => t[TextId.KindServers],
        _ => kind,
    };
}
