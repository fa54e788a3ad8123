using System.Net;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Connector;
using ClosureBot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace ClosureBot.Protocol.Tests.Connector;

/// <summary>Updating a sent message, and reading the id the channel gave a new one.</summary>
public class ConnectorClientUpdateTests
{
    private static readonly ServiceUrlPolicy Policy = new(Options.Create(new ConnectorOptions()));

    [Fact]
    public async Task UpdateActivityAsync_PutsTheWholeActivityAtItsId()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK, """{"id":"1795926586754"}""");
        var client = new ConnectorClient(new HttpClient(handler), Policy);

        var result = await client.UpdateActivityAsync("https://smba.trafficmanager.net/emea/", "a:conv/1", "1795926586754",
            new Activity { Type = ActivityTypes.Message, Text = "answered" }, CancellationToken.None);

        var (method, uri, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, method);
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/a%3Aconv%2F1/activities/1795926586754", uri.AbsoluteUri);
        Assert.Equal("1795926586754", (string?)JsonNode.Parse(body)!["id"]);
        Assert.Equal("answered", (string?)JsonNode.Parse(body)!["text"]);
        Assert.Equal("1795926586754", result.Id);
    }

    [Fact]
    public async Task UpdateActivityAsync_ServiceUrlNotAllowed_Throws()
    {
        var handler = FakeHttpHandler.Always(HttpStatusCode.OK);
        var client = new ConnectorClient(new HttpClient(handler), Policy);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.UpdateActivityAsync("https://evil.example/", "a:conv", "1",
            new Activity { Type = ActivityTypes.Message }, CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_ChunkedAnswerWithoutContentLength_StillYieldsTheNewMessageId()
    {
        var handler = new FakeHttpHandler((_, _) =>
        {
            var content = new StreamContent(new MemoryStream("""{"id":"1795926540197"}"""u8.ToArray()));
            content.Headers.ContentLength = null;
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = content };
        });
        var client = new ConnectorClient(new HttpClient(handler), Policy);
        var incoming = new Activity { Id = "in", ServiceUrl = "https://smba.trafficmanager.net/emea/", Conversation = new ConversationAccount { Id = "a:c" } };

        var sent = await client.SendAsync(incoming, [new Activity { Type = ActivityTypes.Message, Text = "hi" }], CancellationToken.None);

        Assert.Equal("1795926540197", Assert.Single(sent).Id);
    }

    [Fact]
    public async Task UpdateActivityAsync_WithCredentials_CarriesTheBotsBearerToken()
    {
        string? authorization = null;
        var handler = new FakeHttpHandler((_, request) =>
        {
            authorization = request.Headers.Authorization?.ToString();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"1"}""") };
        });
        var client = new ConnectorClient(new HttpClient(handler), Policy, new FixedToken("token-123"));

        await client.UpdateActivityAsync("https://smba.trafficmanager.net/emea/", "a:conv", "1",
            new Activity { Type = ActivityTypes.Message, Text = "answered" }, CancellationToken.None);

        Assert.Equal("Bearer token-123", authorization);
    }

    private sealed class FixedToken(string token) : IConnectorCredentials
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
    }
}
