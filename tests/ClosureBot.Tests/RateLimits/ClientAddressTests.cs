using System.Net;
using ClosureBot.RateLimits;

namespace ClosureBot.Tests.RateLimits;

public sealed class ClientAddressTests
{
    [Fact]
    public void Of_TwoAddressesOfOneIPv6Subscriber_SameKey() =>
        Assert.Equal(ClientAddress.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientAddress.Of(IPAddress.Parse("2001:db8:1:2:ffff:1:2:3")));

    [Fact]
    public void Of_NeighbouringIPv6Subscribers_DifferentKeys() =>
        Assert.NotEqual(ClientAddress.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientAddress.Of(IPAddress.Parse("2001:db8:1:3::1")));

    [Fact]
    public void Of_IPv4MappedToIPv6_TheIPv4Address() =>
        Assert.Equal("203.0.113.9", ClientAddress.Of(IPAddress.Parse("::ffff:203.0.113.9")));
}
