namespace ClosureBot.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> headers are believed (configuration section
/// <c>ForwardedHeaders</c>). Empty, the default: the headers are ignored, whoever sends them.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.4</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Any(p => !string.IsNullOrWhiteSpace(p)) || KnownNetworks.Any(n => !string.IsNullOrWhiteSpace(n));
}
