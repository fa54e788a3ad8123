using System.Net;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Channels.WebChat;

// The chat page's protective headers: its replies can never make the browser fetch an image from elsewhere, only the
// bot's own pages and the configured portal may frame it, and its address goes to nobody else.
public sealed class ChatPageTests
{
    [Fact]
    public async Task ChatPage_Served_CarriesItsPolicyAndNoSniffing()
    {
        await using var host = new DirectLineTestHost();

        using var page = await host.Client.GetAsync("/");
        using var script = await host.Client.GetAsync("/chat.js");
        using var token = await host.Client.PostAsync("/api/webchat/token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
            Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("same-origin", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
        foreach (var response in new[] { page, script, token })
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task ChatPage_PortalNamedAsFrameAncestor_MayFrameIt()
    {
        await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?>
        {
            ["WebChat:FrameAncestors:0"] = "https://portal.example.test",
            ["WebChat:FrameAncestors:1"] = "https://portal2.example.test:8443/",
        });

        using var page = await host.Client.GetAsync("/");

        Assert.EndsWith("frame-ancestors 'self' https://portal.example.test https://portal2.example.test:8443",
            Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("portal.example.test")]
    [InlineData("https://portal.example.test/chat")]
    [InlineData("https://portal.example.test; script-src *")]
    [InlineData("javascript:alert(1)")]
    public async Task Start_FrameAncestorThatIsNoOrigin_RefusesWithTheKeyNamed(string value)
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["WebChat:FrameAncestors:0"] = value });

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("WebChat:FrameAncestors:0", error.ToString());
    }
}
