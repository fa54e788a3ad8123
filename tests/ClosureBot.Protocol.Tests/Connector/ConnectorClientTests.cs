using System.Net;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace ClosureBot.Protocol.Tests.Connector;

public class ConnectorClientTests
{
    private static readonly ServiceUrlPolicy Policy = new(Options.Create(new ConnectorOptions()));

    private static Activity Incoming(string serviceUrl = "https://smba.trafficmanager.net/emea/", string conversationId = "a:conv") => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = Channels.MsTeams,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = conversationId },
    };

    private static Activity Reply(string text, string? replyToId = null, string conversationId = "a:conv") => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ReplyToId = replyToId,
        Conversation = new ConversationAccount { Id = conversationId },
    };

    [Fact]
    public async Task SendAsync_ReplyWithReplyToId_PostsToReplyToActivity()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK, """{"id":"sent-1"}""");
        var client = new ConnectorClient(new HttpClient(handler), Policy);

        var results = await client.SendAsync(Incoming(), [Reply("hi", "in-1")], CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/a%3Aconv/activities/in-1", request.Uri.AbsoluteUri);
        Assert.Equal("sent-1", Assert.Single(results).Id);
    }

    [Fact]
    public async Task SendAsync_ReplyWithoutReplyToId_PostsToSendToConversation()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK, """{"id":"sent-1"}""");
        var client = new ConnectorClient(new HttpClient(handler), Policy);

        await client.SendAsync(Incoming(), [Reply("hi")], CancellationToken.None);

        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/a%3Aconv/activities", handler.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SendAsync_ServiceUrlWithoutTrailingSlash_AddsOne()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK);
        var client = new ConnectorClient(new HttpClient(handler), Policy);

        await client.SendAsync(Incoming("https://directline.botframework.com"), [Reply("hi", conversationId: "abc")], CancellationToken.None);

        Assert.Equal("https://directline.botframework.com/v3/conversations/abc/activities", handler.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SendAsync_IdsWithReservedCharacters_EscapedAsOnePathSegment()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK);
        var client = new ConnectorClient(new HttpClient(handler), Policy);
        const string conversationId = "19:meeting_x@thread.v2;messageid=17/2?a#b";

        await client.SendAsync(Incoming(conversationId: conversationId), [Reply("hi", "Jm3x|0000 1", conversationId)], CancellationToken.None);

        var uri = handler.Requests[0].Uri;
        Assert.Equal("", uri.Query);
        Assert.Equal("", uri.Fragment);
        Assert.Equal(["/", "emea/", "v3/", "conversations/", "19%3Ameeting_x%40thread.v2%3Bmessageid%3D17%2F2%3Fa%23b/", "activities/", "Jm3x%7C0000%201"], uri.Segments);
    }

    [Fact]
    public async Task SendAsync_SeveralReplies_PostedInOrderWithJsonBodies()
    {
        var handler = new FakeHttpHandler((attempt, _) => FakeHttpHandler.Response(HttpStatusCode.Created, $$"""{"id":"sent-{{attempt}}"}"""));
        var client = new ConnectorClient(new HttpClient(handler), Policy);
        var card = Reply("second", "in-1");
        card.Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = new JsonObject { ["type"] = "AdaptiveCard" } }];

        var results = await client.SendAsync(Incoming(), [Reply("first", "in-1"), card], CancellationToken.None);

        Assert.Equal(["sent-1", "sent-2"], results.Select(r => r.Id));
        var bodies = handler.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal("first", bodies[0]["text"]!.GetValue<string>());
        Assert.Equal("second", bodies[1]["text"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", bodies[1]["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
        Assert.Null(bodies[0]["attachments"]);
    }

    // The body is the activity as the protocol's options write it, German text and a card included, sent whole with the
    // media type JsonContent gave it.
    [Fact]
    public async Task SendAsync_AndUpdate_SendTheActivityAsTheOptionsWriteIt_WithItsLength()
    {
        var handler = new RecordingHandler();
        var client = new ConnectorClient(new HttpClient(handler), Policy);
        var card = Reply("Schritt 2 von 5: Löschen Sie Ihre Server <jetzt> & „Erledigt“", "in-1");
        card.Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = new JsonObject { ["type"] = "AdaptiveCard", ["text"] = "Zürich" } }];

        List<byte[]> expected = [Written(card)];
        await client.SendAsync(Incoming(), [card], CancellationToken.None);
        await client.UpdateActivityAsync("https://smba.trafficmanager.net/emea/", "a:conv", "sent-1", card, CancellationToken.None);
        expected.Add(Written(card)); // the update names the message it replaces (id "sent-1")

        Assert.Equal(2, handler.Bodies.Count);
        for (var i = 0; i < 2; i++)
        {
            var (body, contentType, length) = handler.Bodies[i];
            Assert.Equal(expected[i], body);
            Assert.Equal("application/json; charset=utf-8", contentType);
            Assert.Equal(body.Length, length);
        }
        Assert.Contains("\"id\":\"sent-1\"", System.Text.Encoding.UTF8.GetString(handler.Bodies[1].Body));

        static byte[] Written(Activity activity) =>
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(activity, ClosureBot.Protocol.Serialization.ProtocolJson.Options);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<(byte[] Body, string? ContentType, long? Length)> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // The length as the request states it before its body is read (reading would buffer it and count it).
            var (contentType, length) = (request.Content!.Headers.ContentType?.ToString(), request.Content.Headers.ContentLength);
            Bodies.Add((await request.Content.ReadAsByteArrayAsync(cancellationToken), contentType, length));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"sent-1"}""") };
        }
    }

    [Fact]
    public async Task SendAsync_ChannelReturnsNoBody_FabricatesEmptyId()
    {
        var client = new ConnectorClient(new HttpClient(FakeHttpHandler.Always(HttpStatusCode.Accepted)), Policy);

        var results = await client.SendAsync(Incoming(), [Reply("hi", "in-1")], CancellationToken.None);

        Assert.Equal("", Assert.Single(results).Id);
    }

    [Fact]
    public async Task SendAsync_ReplyHasOwnServiceUrl_UsesIt()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK);
        var client = new ConnectorClient(new HttpClient(handler), Policy);
        var reply = Reply("hi");
        reply.ServiceUrl = "https://directline.botframework.com/";

        await client.SendAsync(Incoming(), [reply], CancellationToken.None);

        Assert.Equal("directline.botframework.com", handler.Requests[0].Uri.Host);
    }

    [Theory]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    public async Task SendAsync_DisallowedServiceUrl_ThrowsWithoutSending(string serviceUrl)
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK);
        var client = new ConnectorClient(new HttpClient(handler), Policy);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(Incoming(serviceUrl), [Reply("hi")], CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_ChannelAnswersError_Throws()
    {
        var client = new ConnectorClient(new HttpClient(FakeHttpHandler.Always(HttpStatusCode.Forbidden)), Policy);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Incoming(), [Reply("hi")], CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    // Issue 7, hole 4: ids are escaped path segments, so nothing a channel sends can move the request elsewhere.
    [Theory]
    [InlineData("a/../../admin?x=", "https://smba.trafficmanager.net/emea/v3/conversations/a%2F..%2F..%2Fadmin%3Fx%3D/activities")]
    [InlineData("c#frag", "https://smba.trafficmanager.net/emea/v3/conversations/c%23frag/activities")]
    [InlineData("%2e%2e", "https://smba.trafficmanager.net/emea/v3/conversations/%252e%252e/activities")]
    public async Task SendAsync_HostileConversationId_StaysOnePathSegment(string conversationId, string expected)
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK);
        var client = new ConnectorClient(new HttpClient(handler), Policy);

        await client.SendAsync(Incoming(conversationId: conversationId), [Reply("hi", conversationId: conversationId)], CancellationToken.None);

        Assert.Equal(expected, Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task SendAsync_DotSegmentConversationId_RefusedWithoutARequest(string conversationId)
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK);
        var client = new ConnectorClient(new HttpClient(handler), Policy);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.SendAsync(Incoming(conversationId: conversationId), [Reply("hi", conversationId: conversationId)], CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_ServiceUrlWithQuery_RefusedWithoutARequest()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK);
        var client = new ConnectorClient(new HttpClient(handler), Policy);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.SendAsync(Incoming("https://smba.trafficmanager.net/emea/?"), [Reply("hi")], CancellationToken.None));
        Assert.Empty(handler.Requests);
    }
}
