using System.Net;
using System.Net.WebSockets;
using ClosureBot.Tests.Channels.DirectLine;

namespace ClosureBot.Tests.RateLimits;

// WebSockets open at once on one conversation, with the default limit of 5.
public sealed class StreamRateLimitTests
{
    [Fact]
    public async Task Stream_SixthWebSocketOnOneConversation_Refused429WhileAnotherConversationConnects()
    {
        await using var host = new DirectLineTestHost(defaultRateLimits: true);
        var directLine = new DirectLineTestClient(host.Client);
        var (conversationId, token) = await directLine.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var open = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var socket = new ClientWebSocket();
                open.Add(socket);
                await socket.ConnectAsync(await StreamUrlAsync(directLine, conversationId, token), timeout.Token);
            }

            using var sixth = new ClientWebSocket();
            sixth.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(async () => await sixth.ConnectAsync(await StreamUrlAsync(directLine, conversationId, token), timeout.Token));
            Assert.Equal(HttpStatusCode.TooManyRequests, sixth.HttpStatusCode);
            Assert.True(sixth.HttpResponseHeaders!.TryGetValue("Retry-After", out var retryAfter), "no Retry-After");
            Assert.Equal("10", retryAfter.Single());

            var (otherId, otherToken) = await directLine.StartAsync();
            using var other = new ClientWebSocket();
            await other.ConnectAsync(await StreamUrlAsync(directLine, otherId, otherToken), timeout.Token);
            Assert.Equal(WebSocketState.Open, other.State);
        }
        finally
        {
            foreach (var socket in open) socket.Dispose();
        }
    }

    private static async Task<Uri> StreamUrlAsync(DirectLineTestClient directLine, string conversationId, string token) =>
        new((string)(await directLine.JsonAsync(HttpMethod.Get, $"/conversations/{conversationId}", token))["streamUrl"]!);
}
