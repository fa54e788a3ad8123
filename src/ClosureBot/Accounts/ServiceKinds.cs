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

    /// <summary>Plural display name of a kind.</summary>
    public static string DisplayName(string kind) => kind switch
    {
        VirtualNetwork => "Virtual networks",
        PublicIpAddress => "Public IP addresses",
        SiteToSiteVpn => "Site-to-site VPNs",
        LoadBalancerPool => "Load balancer pools",
        ObjectStorageBucket => "Object Storage buckets",
        AppFogApplication => "AppFog applications",
        "servers" => "Servers",
        _ => kind,
    };
}
