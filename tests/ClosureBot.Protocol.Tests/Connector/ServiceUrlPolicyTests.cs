using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace ClosureBot.Protocol.Tests.Connector;

public class ServiceUrlPolicyTests
{
    private static ServiceUrlPolicy Policy(params string[] hosts) =>
        new(Options.Create(new ConnectorOptions { AllowedServiceUrlHosts = [.. hosts] }));

    private static readonly ServiceUrlPolicy Defaults = new(Options.Create(new ConnectorOptions()));

    private static readonly ServiceUrlPolicy DevelopmentDefaults =
        Policy([.. new ConnectorOptions().AllowedServiceUrlHosts, .. ConnectorOptions.DevelopmentLoopbackHosts]);

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://SMBA.TrafficManager.NET/emea/")]
    [InlineData("https://directline.botframework.com/")]
    [InlineData("https://europe.directline.botframework.com/")]
    public void IsAllowed_DefaultHosts_AllowsChannels(string url)
    {
        Assert.True(Defaults.IsAllowed(url));
    }

    [Theory]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://127.0.0.1:56000/")]
    [InlineData("http://[::1]:56000/")]
    public void IsAllowed_Loopback_OnlyWithTheDevelopmentDefaults(string url)
    {
        Assert.False(Defaults.IsAllowed(url));
        Assert.True(DevelopmentDefaults.IsAllowed(url));
    }

    // Issue 7, hole 4: a '?' in serviceUrl turned the bot's own reply path into a query string.
    [Theory]
    [InlineData("http://127.0.0.1:6379/admin?")]
    [InlineData("http://127.0.0.1:6379/admin?x=1")]
    [InlineData("http://127.0.0.1:6379/admin#")]
    [InlineData("https://directline.botframework.com/?steal=1")]
    [InlineData("https://directline.botframework.com/#frag")]
    [InlineData("https://user:pass@directline.botframework.com/")]
    public void IsAllowed_QueryFragmentOrUserInfo_Refused(string url)
    {
        Assert.False(DevelopmentDefaults.IsAllowed(url));
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978/", false)]
    [InlineData("http://localhost:3978/", false)]
    [InlineData("http://[::1]:3978/", false)]
    [InlineData("http://127.0.0.1:3979/", true)]
    public void IsAllowed_TheBotsOwnAddress_RefusedEvenWhenAllowListed(string url, bool allowed)
    {
        var server = new AddressedServer("http://127.0.0.1:3978", "http://[::]:3978");
        var policy = new ServiceUrlPolicy(Options.Create(new ConnectorOptions { AllowedServiceUrlHosts = ["localhost", "127.0.0.1", "[::1]"] }), server);

        Assert.Equal(allowed, policy.IsAllowed(url));
    }

    [Fact]
    public void Trust_AHostFromAValidatedToken_IsAllowedOnItsSchemeAndPortOnly()
    {
        var policy = Policy("*.botframework.com");
        Assert.False(policy.IsAllowed("https://smba.trafficmanager.net/emea/"));

        policy.Trust("https://smba.trafficmanager.net/emea/");

        Assert.True(policy.IsAllowed("https://smba.trafficmanager.net/emea/"));
        Assert.True(policy.IsAllowed("https://SMBA.trafficmanager.net/amer/"));
        Assert.False(policy.IsAllowed("http://smba.trafficmanager.net/emea/"));
        Assert.False(policy.IsAllowed("https://smba.trafficmanager.net:8443/emea/"));
        Assert.False(policy.IsAllowed("https://smba.trafficmanager.net/emea/?x=1"));
    }

    [Fact]
    public void Trust_TheBotsOwnAddress_StaysRefused()
    {
        var policy = new ServiceUrlPolicy(Options.Create(new ConnectorOptions { AllowedServiceUrlHosts = ["*.botframework.com"] }),
            new AddressedServer("http://127.0.0.1:3978"));

        policy.Trust("http://127.0.0.1:3978/");

        Assert.False(policy.IsAllowed("http://127.0.0.1:3978/"));
    }

    [Theory]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com.evil.com/")]
    [InlineData("https://directline.botframework.com.evil.com/")]
    [InlineData("https://directline.botframework.com@evil.com/")]
    [InlineData("https://evil.com/directline.botframework.com/")]
    [InlineData("https://evil.com/?host=.botframework.com")]
    [InlineData("https://evil.com#.botframework.com")]
    [InlineData("https://evil.com\\.botframework.com/")]
    [InlineData("https://notlocalhost/")]
    [InlineData("https://localhost.evil.com/")]
    [InlineData("https://127.0.0.2/")]
    public void IsAllowed_LookalikeHosts_Refused(string url)
    {
        Assert.False(Defaults.IsAllowed(url));
    }

    [Fact]
    public void IsAllowed_WildcardEntry_MatchesSubdomainsButNotBareSuffixTrickery()
    {
        var policy = Policy("*.botframework.com");

        Assert.True(policy.IsAllowed("https://directline.botframework.com/"));
        Assert.True(policy.IsAllowed("https://a.b.botframework.com/"));
        Assert.False(policy.IsAllowed("https://evilbotframework.com/"));
        Assert.False(policy.IsAllowed("https://botframework.com.evil/"));
    }

    [Fact]
    public void IsAllowed_ExactEntry_DoesNotMatchSubdomainOrSuffix()
    {
        var policy = Policy("smba.trafficmanager.net");

        Assert.True(policy.IsAllowed("https://smba.trafficmanager.net/teams/"));
        Assert.False(policy.IsAllowed("https://x.smba.trafficmanager.net/"));
        Assert.False(policy.IsAllowed("https://evilsmba.trafficmanager.net/"));
    }

    [Theory]
    [InlineData("ftp://directline.botframework.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ws://localhost:3978/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/v3/conversations")]
    [InlineData("directline.botframework.com")]
    [InlineData("")]
    [InlineData(null)]
    public void IsAllowed_NonHttpOrNotAbsolute_Refused(string? url)
    {
        Assert.False(Defaults.IsAllowed(url));
    }

    [Fact]
    public void IsAllowed_HostEntryWithoutPort_AllowsAnyPort()
    {
        var policy = Policy("localhost", "*.botframework.com");

        Assert.True(policy.IsAllowed("http://localhost:3978/"));
        Assert.True(policy.IsAllowed("http://localhost/"));
        Assert.True(policy.IsAllowed("https://directline.botframework.com:8443/"));
    }

    [Fact]
    public void IsAllowed_HostEntryWithPort_AllowsOnlyThatPort()
    {
        var policy = Policy("localhost:3978");

        Assert.True(policy.IsAllowed("http://localhost:3978/"));
        Assert.False(policy.IsAllowed("http://localhost:3979/"));
        Assert.False(policy.IsAllowed("http://localhost/"));
    }

    [Fact]
    public void IsAllowed_EntriesWithCaseAndSpaces_Normalized()
    {
        var policy = Policy("  SMBA.TrafficManager.net ", " *.BotFramework.com");

        Assert.True(policy.IsAllowed("https://smba.trafficmanager.net/"));
        Assert.True(policy.IsAllowed("https://directline.botframework.com/"));
    }
}
