using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ClosureBot.Protocol.Connector;

/// <summary>
/// Decides whether the bot may send to a <c>serviceUrl</c>: an absolute http(s) URL without user info, query or
/// fragment, whose host is on the allow-list, and which is never the bot's own address (a loopback or listening
/// host on a port the bot listens on), so a forged activity cannot make the bot call itself or another local service.
/// Besides the allow-list, a host is allowed once it arrived in the <c>serviceurl</c> claim of a validated channel token
/// (<see cref="Trust"/>): the Bot Connector vouched for it.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<ConnectorOptions> options, IServer? server = null)
{
    private readonly string[] _hosts = options.Value.AllowedServiceUrlHosts.Select(h => h.Trim().ToLowerInvariant()).ToArray();
    private readonly ConcurrentDictionary<string, bool> _trusted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Allows the scheme, host and port of <paramref name="serviceUrl"/>, which a validated channel token named.</summary>
    public void Trust(string serviceUrl)
    {
        if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) _trusted.TryAdd(uri.GetLeftPart(UriPartial.Authority), true);
    }

    /// <summary>True when the bot may post replies under <paramref name="serviceUrl"/>.</summary>
    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return false;
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0) return false;
        if (serviceUrl!.Contains('?') || serviceUrl.Contains('#')) return false;
        if (IsOwnAddress(uri)) return false;
        if (_trusted.ContainsKey(uri.GetLeftPart(UriPartial.Authority))) return true;
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

    private bool IsOwnAddress(Uri uri)
    {
        if (server?.Features.Get<IServerAddressesFeature>()?.Addresses is not { Count: > 0 } addresses) return false;
        var local = uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var ip) && (IPAddress.Any.Equals(ip) || IPAddress.IPv6Any.Equals(ip)));
        foreach (var address in addresses)
        {
            // Kestrel reports wildcard bindings as http://[::]:port or http://+:port.
            if (ListeningAddress.Parse(address) is not { } own || own.Port != uri.Port) continue;
            if (local || own.Host.Equals(uri.Host, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
