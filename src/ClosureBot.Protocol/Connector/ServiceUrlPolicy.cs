using Microsoft.Extensions.Options;

namespace ClosureBot.Protocol.Connector;

/// <summary>Decides whether the bot may send to a <c>serviceUrl</c>.</summary>
public sealed class ServiceUrlPolicy(IOptions<ConnectorOptions> options)
{
    private readonly string[] _hosts = options.Value.AllowedServiceUrlHosts.Select(h => h.Trim().ToLowerInvariant()).ToArray();

    /// <summary>True when the URL is absolute http(s) and its host is on the allow-list.</summary>
    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return false;
        var host = uri.Host.ToLowerInvariant();
        foreach (var allowed in _hosts)
        {
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(allowed[1..], StringComparison.Ordinal)
                : host == allowed || uri.Authority.Equals(allowed, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
