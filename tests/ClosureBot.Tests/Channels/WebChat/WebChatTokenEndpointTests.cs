using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Channels.DirectLine;
using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Tests.Channels.WebChat;

// POST /api/webchat/token: anonymous users are kept by a cookie; a trusted portal's assertion makes them verified.
public sealed class WebChatTokenEndpointTests
{
    private const string Issuer = "https://portal.example.test";
    private const string IssuerKey = "portal-shared-key-0123456789abcdef0123";

    [Fact]
    public async Task Token_Anonymous_SetsDlCookieAndSameBrowserResumesItsConversation()
    {
        await using var host = new DirectLineTestHost();

        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.BaseAddress };
        using var first = await browser.PostAsJsonAsync("/api/webchat/token", new { locale = "en-US" });
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        var issued = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        var resumed = await PostTokenAsync(browser, new { conversationId = (string)issued["conversationId"]! }, cookie.Split(';')[0]);
        var stranger = await PostTokenAsync(browser, new { conversationId = (string)issued["conversationId"]! }, cookie: null);

        Assert.Contains("HttpOnly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("dl_", (string)issued["userId"]!);
        Assert.False((bool)issued["resumed"]!);
        Assert.True((bool)resumed["resumed"]!);
        Assert.Equal((string?)issued["conversationId"], (string?)resumed["conversationId"]);
        Assert.Equal((string?)issued["userId"], (string?)resumed["userId"]);
        Assert.False((bool)stranger["resumed"]!);
        Assert.NotEqual((string?)issued["conversationId"], (string?)stranger["conversationId"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged")]
    public async Task Token_TrustedIssuerWithoutValidAssertion_Returns401SignInRequired(string? assertion)
    {
        await using var host = VerifiedHost();

        using var response = await host.Client.PostAsJsonAsync("/api/webchat/token", new { assertion = assertion ?? Assertion(expiresIn: TimeSpan.FromMinutes(-1)) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SignInRequired", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
    }

    // A property given twice: what the bot would read (the last) and what a proxy or a log reads (often the first) differ.
    [Fact]
    public async Task Token_PropertyGivenTwice_Returns400AndIssuesNothing()
    {
        await using var host = VerifiedHost();
        var body = $"{{\"assertion\":\"forged\",\"assertion\":\"{Assertion(TimeSpan.FromMinutes(5))}\"}}";

        using var response = await host.Client.PostAsync("/api/webchat/token", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]);
    }

    [Fact]
    public async Task Token_TrustedAssertion_BotSkipsAccountQuestionAndRecordsVerifiedRequester()
    {
        await using var host = VerifiedHost();
        var client = new DirectLineTestClient(host.Client);
        var issued = await PostTokenAsync(host.Client, new { assertion = Assertion(TimeSpan.FromMinutes(5)) }, cookie: null);
        var conversationId = (string)issued["conversationId"]!;
        var token = (string)(await client.JsonAsync(HttpMethod.Post, "/conversations", (string)issued["token"]!, expectedStatus: 201))["token"]!;

        var replies = new List<string?>();
        foreach (var text in new[] { "I want to close my account", "yes", "no", "done", "done", "yes", "done", "yes", "ACME" })
        {
            var (_, watermark) = await client.GetActivitiesAsync(conversationId, token);
            await client.PostMessageAsync(conversationId, token, text, "c-" + replies.Count);
            replies.AddRange((await client.GetActivitiesAsync(conversationId, token, watermark)).Activities.Skip(1).Select(DirectLineTestClient.TextOf));
        }

        Assert.Equal("Jane Doe", (string?)issued["userName"]);
        Assert.DoesNotContain("jane@example.test", (string)issued["userId"]!);
        Assert.Contains("Do you have a cloud term commitment?", replies);
        Assert.DoesNotContain("Which account do you want to close? Type its account alias.", replies);
        Assert.Contains(replies, r => r?.StartsWith("Your closure request for ACME is logged", StringComparison.Ordinal) == true);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(host.Folder, "closurebot.db")}");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT requester_verified || '|' || requester_channel || '|' || requester_id FROM closure_requests WHERE account_alias = 'ACME'";
        Assert.Equal($"1|webchat|{issued["userId"]}", (string?)query.ExecuteScalar());
    }

    // The page sends a conversation id, an assertion of at most 8 KiB and a locale: more than 16 KiB is refused before it
    // is read, or as soon as a chunked body passes the limit. Past the server's own 2 MiB it was a 500.
    [Theory]
    [InlineData(16 * 1024 + 1, false)]
    [InlineData(1_992_294, false)]
    [InlineData(3_000_000, false)]
    [InlineData(64 * 1024, true)]
    public async Task Token_BodyOver16KiB_Returns413PayloadTooLargeAndStartsNothing(int bytes, bool chunked)
    {
        await using var host = new DirectLineTestHost();
        var database = Path.Combine(host.Folder, "closurebot.db");
        var before = DatabaseProbe.RowCounts(database);

        using var response = await host.Client.SendAsync(PaddedTokenRequest(bytes, chunked));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PayloadTooLarge", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(before, DatabaseProbe.RowCounts(database));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Token_BodyOfExactly16KiB_IssuesAToken(bool chunked)
    {
        await using var host = new DirectLineTestHost();

        using var response = await host.Client.SendAsync(PaddedTokenRequest(16 * 1024, chunked));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("dl_", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["userId"]);
    }

    // A valid token request of exactly `bytes` bytes (JSON followed by spaces). With a Content-Length the client waits
    // for 100-continue, so a server refusing from the length alone answers before the body is sent.
    private static HttpRequestMessage PaddedTokenRequest(int bytes, bool chunked)
    {
        var body = new byte[bytes];
        Array.Fill(body, (byte)' ');
        "{\"locale\":\"en-US\"}"u8.CopyTo(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = chunked ? new UnknownLengthContent(body) : new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (!chunked)
        {
            request.Headers.ExpectContinue = true;
            request.Headers.ConnectionClose = true;
        }
        return request;
    }

    // A body whose length the client does not know in advance, so it is sent chunked, without a Content-Length.
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static DirectLineTestHost VerifiedHost() => new(settings: new Dictionary<string, string?>
    {
        ["WebChat:TrustedIssuer"] = Issuer,
        ["WebChat:TrustedIssuerKey"] = IssuerKey,
    });

    private static string Assertion(TimeSpan expiresIn) => HmacJwt.Sign(new JsonObject
    {
        ["iss"] = Issuer,
        ["sub"] = "jane@example.test",
        ["name"] = "Jane Doe",
        ["account"] = "ACME",
        ["exp"] = DateTimeOffset.UtcNow.Add(expiresIn).ToUnixTimeSeconds(),
    }, Encoding.UTF8.GetBytes(IssuerKey));

    private static async Task<JsonObject> PostTokenAsync(HttpClient client, object body, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = JsonContent.Create(body) };
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
