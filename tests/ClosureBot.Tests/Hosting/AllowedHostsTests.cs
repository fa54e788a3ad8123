using System.Net;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

public sealed class AllowedHostsTests
{
    [Fact]
    public async Task AllowedHosts_Set_RequestForAnotherHostIsRefused()
    {
        await using var factory = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["AllowedHosts"] = "bot.example.org;localhost" });
        using var http = factory.CreateClient();

        using var other = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { Host = "evil.example.net" } };
        using var refused = await http.SendAsync(other);
        using var ours = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { Host = "bot.example.org" } };
        using var served = await http.SendAsync(ours);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task AllowedHosts_Default_AnyHostIsServed()
    {
        await using var factory = new BotApplicationFactory();
        using var http = factory.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { Host = "anything.example.net" } };
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
