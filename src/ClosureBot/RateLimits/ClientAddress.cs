using System.Net;
using System.Net.Sockets;

namespace ClosureBot.RateLimits;

/// <summary>
/// The partition key of a caller: the connection's remote address, which the forwarded-headers middleware has already
/// replaced with the client's when (and only when) the connection came from a configured proxy. An IPv6 client is
/// counted by its /64, the block one subscriber gets, so walking through its own addresses does not reset a limit.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return "local";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
