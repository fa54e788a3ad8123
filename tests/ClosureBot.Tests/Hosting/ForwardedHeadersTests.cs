using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Channels.DirectLine;

namespace ClosureBot.Tests.Hosting;

// Issue 7, hole 9: behind a TLS-terminating proxy the stream URL said ws:// and the web chat cookie had no Secure flag.
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task ForwardedProtoFromAConfiguredProxy_StreamUrlIsWssAndCookieIsSecure()
    {
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });

        var (streamUrl, cookie) = await StartThroughProxyAsync(host);

        Assert.StartsWith("wss://bot.example.test/", streamUrl);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedProtoFromNetworkRange_StreamUrlIsWss()
    {
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8" });

        var (streamUrl, _) = await StartThroughProxyAsync(host);

        Assert.StartsWith("wss://", streamUrl);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData(null)]
    public async Task ForwardedProtoFromAnUnknownCaller_Ignored(string? knownProxy)
    {
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = knownProxy });

        var (streamUrl, cookie) = await StartThroughProxyAsync(host);

        Assert.StartsWith("ws://127.0.0.1:", streamUrl);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(string StreamUrl, string Cookie)> StartThroughProxyAsync(DirectLineTestHost host)
    {
        using var token = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = JsonContent.Create(new { locale = "en-US" }) };
        Forwarded(token);
        using var issued = await host.Client.SendAsync(token);
        var cookie = string.Join("; ", issued.Headers.GetValues("Set-Cookie"));
        var grant = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;

        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", (string)grant["token"]!);
        Forwarded(start);
        using var started = await host.Client.SendAsync(start);
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)body["streamUrl"]!, cookie);
    }

    private static void Forwarded(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "bot.example.test");
        request.Headers.Add("X-Forwarded-For", "198.51.100.23");
    }
}
