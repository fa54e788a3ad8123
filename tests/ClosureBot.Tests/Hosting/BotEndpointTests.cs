using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

/// <summary>Bad input on <c>/api/messages</c> gets a clear error and changes nothing.</summary>
public sealed class BotEndpointTests
{
    [Fact]
    public async Task MalformedJson_Returns400WithReasonAndChangesNothing()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var truncated = ann.Message("done", null).ToJsonString()[..^10];

        using var response = await Post(app, truncated);

        var error = await ErrorOf(response, HttpStatusCode.BadRequest);
        Assert.Equal("MalformedJson", (string?)error["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        (await ann.Send("status")).Says("You're at Step 1 of 5");
    }

    [Fact]
    public async Task TurnFails_Returns500WithReason_AndTheRetriedActivityIsProcessedOnce()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.DeleteServers));
        var inventory = File.ReadAllText(app.InventoryPath);
        File.WriteAllText(app.InventoryPath, "{ \"accounts\": [ this is not json");
        var done = ann.Message("done", null);

        using var failed = await Post(app, done.ToJsonString());

        var error = await ErrorOf(failed, HttpStatusCode.InternalServerError);
        Assert.Equal("nosniff", Assert.Single(failed.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("TurnFailed", (string?)error["code"]);
        File.WriteAllText(app.InventoryPath, inventory);
        File.SetLastWriteTimeUtc(app.InventoryPath, DateTime.UtcNow.AddSeconds(5));
        // The channel delivers the same activity again: it was not marked processed, so it now goes through, once.
        (await ann.Deliver(done)).Asks("6 servers remain and keep incurring charges");
        (await ann.Send("status")).Says("You're at Step 2 of 5");
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"just a string\"")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"type\": 42}")]
    public async Task NotAnActivityObject_Returns400(string body)
    {
        await using var app = new BotApplicationFactory();

        using var response = await Post(app, body);

        var error = await ErrorOf(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["code"]));
    }

    // A property given twice: what the bot would read (the last) and what a proxy or a log reads (often the first) differ.
    [Theory]
    [InlineData("text")]
    [InlineData("Text")]
    public async Task PropertyGivenTwice_Returns400(string name)
    {
        await using var app = new BotApplicationFactory();
        var json = app.WebChat().Message("I want to close my account", null).ToJsonString();

        using var response = await Post(app, json.Insert(1, $"\"{name}\":\"cancel\","));

        Assert.False(string.IsNullOrWhiteSpace((string?)(await ErrorOf(response, HttpStatusCode.BadRequest))["code"]));
    }

    [Fact]
    public async Task MissingType_Returns400MissingType()
    {
        await using var app = new BotApplicationFactory();
        var activity = app.WebChat().Message("I want to close my account", null);
        activity.Remove("type");

        using var response = await Post(app, activity.ToJsonString());

        Assert.Equal("MissingType", (string?)(await ErrorOf(response, HttpStatusCode.BadRequest))["code"]);
    }

    [Fact]
    public async Task BodyOver1MiB_Returns413()
    {
        await using var app = new BotApplicationFactory();
        var activity = app.WebChat().Message(new string('a', 1024 * 1024), null);

        using var response = await Post(app, activity.ToJsonString());

        Assert.Equal("PayloadTooLarge", (string?)(await ErrorOf(response, HttpStatusCode.RequestEntityTooLarge))["code"]);
    }

    [Fact]
    public async Task BodyOver1MiBWithoutContentLength_Returns413()
    {
        await using var app = new BotApplicationFactory();
        var body = Encoding.UTF8.GetBytes(app.WebChat().Message(new string('a', 1024 * 1024 + 10), null).ToJsonString());
        using var content = new StreamContent(new UnseekableStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await app.CreateClient().PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task BodyJustUnder1MiB_IsAccepted()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var activity = ann.Message("hello", null);
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/plain", ["content"] = "" });
        var overhead = Encoding.UTF8.GetByteCount(activity.ToJsonString());
        activity["attachments"]![0]!["content"] = new string('a', 1024 * 1024 - overhead);

        var replies = await ann.Deliver(activity);

        replies.Says("Hi, I'm ClosureBot");
    }

    [Fact]
    public async Task NonJsonContentType_Returns415()
    {
        await using var app = new BotApplicationFactory();
        var json = app.WebChat().Message("I want to close my account", null).ToJsonString();
        using var content = new StringContent(json, Encoding.UTF8, "text/plain");

        using var response = await app.CreateClient().PostAsync("/api/messages", content);

        Assert.Equal("UnsupportedMediaType", (string?)(await ErrorOf(response, HttpStatusCode.UnsupportedMediaType))["code"]);
    }

    [Fact]
    public async Task UnknownActivityType_Returns200AndIsIgnored()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var odd = ann.Message("done", null);
        odd["type"] = "somethingNew";

        var replies = await ann.Deliver(odd);

        Assert.Equal(0, replies.Count);
        (await ann.Send("status")).Says("You're at Step 1 of 5");
    }

    [Fact]
    public async Task TypingActivity_WithoutExpectReplies_Returns200()
    {
        await using var app = new BotApplicationFactory();
        var typing = app.WebChat().Message(null, null);
        typing["type"] = "typing";
        typing.Remove("deliveryMode");

        using var response = await Post(app, typing.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_Returns405()
    {
        await using var app = new BotApplicationFactory();

        using var response = await app.CreateClient().GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("https://webchat.botframework.com.evil.example/")]
    [InlineData("file:///etc/passwd")]
    [InlineData(null)]
    public async Task ServiceUrlNotAllowed_Returns400AndProcessesNothing(string? serviceUrl)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        var start = ann.Message("I want to close my account", null);
        start.Remove("deliveryMode");
        start["serviceUrl"] = serviceUrl;

        using var response = await Post(app, start.ToJsonString());

        Assert.Equal("ServiceUrlNotAllowed", (string?)(await ErrorOf(response, HttpStatusCode.BadRequest))["code"]);
        // Had the refused message started the closure, "yes" would now be an answer to "Shall we start?".
        (await ann.Send("yes")).Says("Hi, I'm ClosureBot").DoesNotSay("Which account");
    }

    [Fact]
    public async Task AppIdConfigured_UnauthenticatedRequest_Returns401AndProcessesNothing()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = "9c1e4b7a-2d3f-4a5b-8c6d-7e8f9a0b1c2d" });
        var activity = app.WebChat().Message("I want to close my account", null);

        using var anonymous = await Post(app, activity.ToJsonString());
        using var forged = await Post(app, activity.ToJsonString(), "Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.");

        Assert.Equal("Unauthorized", (string?)(await ErrorOf(anonymous, HttpStatusCode.Unauthorized))["code"]);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    private static async Task<HttpResponseMessage> Post(BotApplicationFactory app, string body, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await app.CreateClient().SendAsync(request);
    }

    private static async Task<JsonObject> ErrorOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!.AsObject();
        var error = json["error"]!.AsObject();
        Assert.NotNull((string?)error["code"]);
        Assert.NotNull((string?)error["message"]);
        return error;
    }

    /// <summary>A body whose length the server cannot know in advance (sent chunked).</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
