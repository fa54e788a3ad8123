using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Channels.DirectLine;

// The Direct Line 3.0 REST contract as Web Chat / DirectLineJS rely on it, over real HTTP.
public class DirectLineEndpointsTests : IAsyncLifetime
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    private DirectLineTestHost _host = null!;
    private DirectLineTestClient _client = null!;

    public Task InitializeAsync()
    {
        _host = new DirectLineTestHost(storage: Storage);
        _client = new DirectLineTestClient(_host.Client);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TokensGenerate_WithSecret_ReturnsJwtNamingConversationAndUser()
    {
        var body = await _client.JsonAsync(HttpMethod.Post, "/tokens/generate", DirectLineTestHost.Secret, """{"user":{"id":"dl_alice"}}""");

        Assert.Equal(1800, (int)body["expires_in"]!);
        var token = (string)body["token"]!;
        var claims = JsonNode.Parse(Base64UrlDecode(token.Split('.')[1]))!;
        Assert.Equal("dl_alice", (string?)claims["user"]);
        Assert.Equal((string?)body["conversationId"], (string?)claims["conv"]);
        Assert.Null(body["streamUrl"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task TokensGenerate_WithoutSecret_Returns401(string? bearer)
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/tokens/generate", bearer);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task TokensGenerate_WithConversationToken_Returns401()
    {
        var (_, token) = await _client.GenerateAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "/tokens/generate", token);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task TokensRefresh_ValidToken_ReturnsNewTokenForSameConversation()
    {
        var (conversationId, token) = await _client.GenerateAsync();

        var body = await _client.JsonAsync(HttpMethod.Post, "/tokens/refresh", token);

        Assert.Equal(conversationId, (string?)body["conversationId"]);
        Assert.NotEqual(token, (string?)body["token"]);
        await _client.JsonAsync(HttpMethod.Post, "/conversations", (string)body["token"]!, expectedStatus: 201);
    }

    [Fact]
    public async Task TokensRefresh_ExpiredToken_Returns403TokenExpired()
    {
        var expired = ExpiredToken(await _client.GenerateAsync());

        using var response = await _client.SendAsync(HttpMethod.Post, "/tokens/refresh", expired);

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "TokenExpired");
    }

    [Fact]
    public async Task GetActivities_ExpiredToken_Returns403TokenExpired()
    {
        var (conversationId, token) = await _client.GenerateAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", ExpiredToken((conversationId, token)));

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "TokenExpired");
    }

    [Fact]
    public async Task StartConversation_GeneratedToken_Returns201WithStreamUrlAndBotGreets()
    {
        var (conversationId, token) = await _client.GenerateAsync();

        var started = await _client.JsonAsync(HttpMethod.Post, "/conversations", token, """{"user":{"id":"dl_contract_user"},"locale":"en-US"}""", 201);
        var again = await _client.JsonAsync(HttpMethod.Post, "/conversations", token);

        Assert.Equal(conversationId, (string?)started["conversationId"]);
        Assert.StartsWith($"ws://{_host.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t=", (string)started["streamUrl"]!);
        Assert.Equal(conversationId, (string?)again["conversationId"]);
        var (activities, _) = await _client.GetActivitiesAsync(conversationId, token);
        var welcome = Assert.Single(activities);
        Assert.Equal("bot", (string?)welcome!["from"]!["role"]);
        Assert.Equal("webchat", (string?)welcome["channelId"]);
    }

    [Fact]
    public async Task StartConversation_WithSecret_CreatesConversationForGivenUser()
    {
        var started = await _client.JsonAsync(HttpMethod.Post, "/conversations", DirectLineTestHost.Secret, """{"user":{"id":"dl_bob"}}""", 201);

        var claims = JsonNode.Parse(Base64UrlDecode(((string)started["token"]!).Split('.')[1]))!;
        Assert.Equal("dl_bob", (string?)claims["user"]);
        Assert.Contains("/stream?t=", (string)started["streamUrl"]!);
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReturnsFreshStreamUrlCarryingIt()
    {
        var (conversationId, token) = await _client.StartAsync();

        var first = await _client.JsonAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=1", token);
        var second = await _client.JsonAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=1", token);

        Assert.Equal(conversationId, (string?)first["conversationId"]);
        Assert.EndsWith("&watermark=1", (string)first["streamUrl"]!);
        Assert.NotEqual((string?)first["streamUrl"], (string?)second["streamUrl"]);
        Assert.NotNull(first["token"]);
    }

    [Fact]
    public async Task PostActivity_Message_EchoesWithIdClientActivityIdAndTokenUserThenBotReplies()
    {
        var (conversationId, token) = await _client.StartAsync();
        var (_, watermark) = await _client.GetActivitiesAsync(conversationId, token);

        var posted = await _client.PostMessageAsync(conversationId, token, "I want to close my account", "cid-42");
        var (activities, next) = await _client.GetActivitiesAsync(conversationId, token, watermark);

        var echo = activities[0]!;
        Assert.Equal((string?)posted["id"], (string?)echo["id"]);
        Assert.StartsWith(conversationId + "|", (string)echo["id"]!);
        Assert.Equal("cid-42", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("dl_contract_user", (string?)echo["from"]!["id"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.Contains(activities.Skip(1), a => DirectLineTestClient.TextOf(a) == "Shall we start?");
        Assert.True(long.Parse(next) > long.Parse(watermark));
        var (none, same) = await _client.GetActivitiesAsync(conversationId, token, next);
        Assert.Empty(none);
        Assert.Equal(next, same);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("[1,2]")]
    // A property given twice: what the bot read (the last) and what a proxy or a log reads (often the first) would differ.
    [InlineData("""{"type":"message","text":"hi","text":"done"}""")]
    [InlineData("""{"type":"message","text":"hi","value":{"action":"done","action":"confirm-close"}}""")]
    [InlineData("""{"type":"message","text":"hi","Text":"done"}""")]
    public async Task PostActivity_Malformed_Returns400AndLogsNothing(string json)
    {
        var (conversationId, token) = await _client.StartAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.Single((await _client.GetActivitiesAsync(conversationId, token)).Activities);
    }

    [Fact]
    public async Task ConversationOperations_OtherConversationsToken_Return403()
    {
        var (mine, _) = await _client.StartAsync();
        var (_, otherToken) = await _client.StartAsync();

        using var get = await _client.SendAsync(HttpMethod.Get, $"/conversations/{mine}/activities", otherToken);
        using var post = await _client.SendAsync(HttpMethod.Post, $"/conversations/{mine}/activities", otherToken, """{"type":"message","text":"hi"}""");
        using var reconnect = await _client.SendAsync(HttpMethod.Get, $"/conversations/{mine}", otherToken);

        foreach (var response in new[] { get, post, reconnect }) await AssertErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Theory]
    [InlineData("GET", "/conversations/nope")]
    [InlineData("GET", "/conversations/nope/activities")]
    [InlineData("POST", "/conversations/nope/activities")]
    public async Task ConversationOperations_UnknownConversation_Return404(string method, string path)
    {
        using var response = await _client.SendAsync(new HttpMethod(method), path, DirectLineTestHost.Secret, """{"type":"message","text":"hi"}""");

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "NotFound");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.AAAA")]
    public async Task ConversationOperations_MissingOrForgedToken_Return401(string? bearer)
    {
        var (conversationId, _) = await _client.StartAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", bearer);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task GetActivities_BadWatermark_Returns400()
    {
        var (conversationId, token) = await _client.StartAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=abc", token);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Upload_AnyFile_Returns400NotSupported()
    {
        var (conversationId, token) = await _client.StartAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/upload?userId=dl_contract_user", token, "{}");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "NotSupported");
    }

    private string ExpiredToken((string ConversationId, string Token) issued)
    {
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        var service = new DirectLineTokenService(_host.Services.GetRequiredService<IOptions<DirectLineOptions>>(),
            _host.Services.GetRequiredService<IDirectLineStore>(), past);
        return service.Issue(new DirectLineToken(issued.ConversationId, "dl_contract_user", null, [], null, past.GetUtcNow()));
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(code, (string?)JsonNode.Parse(body)!["error"]!["code"]);
    }

    private static string Base64UrlDecode(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=')));
    }
}
