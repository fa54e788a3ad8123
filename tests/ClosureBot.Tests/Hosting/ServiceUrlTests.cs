using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

// Issue 7, hole 4: a serviceUrl naming the bot itself (or a loopback path turned into a query) made the bot call itself.
public sealed class ServiceUrlTests
{
    [Theory]
    [InlineData("{0}")]
    [InlineData("{0}api/messages?")]
    [InlineData("{0}api/messages#")]
    [InlineData("http://localhost:{1}/")]
    public async Task ServiceUrlNamingTheBotItself_Returns400WithoutCallingIt(string pattern)
    {
        await using var host = new DirectLineTestHost();
        var serviceUrl = string.Format(pattern, host.BaseAddress, host.BaseAddress.Port);
        var activity = ConversationClient.Payload("webchat-message.json");
        activity["id"] = "ssrf-1";
        activity["text"] = "I want to close my account";
        activity["serviceUrl"] = serviceUrl;
        activity.Remove("deliveryMode");
        var started = Stopwatch.StartNew();

        using var response = await host.Client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ServiceUrlNotAllowed", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }
}
