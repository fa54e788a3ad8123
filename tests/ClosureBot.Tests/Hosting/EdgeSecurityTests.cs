using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosureBot.Offboarding;
using ClosureBot.Protocol.Activities;
using ClosureBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Hosting;

/// <summary>Issue 7's holes at the HTTP edge of <c>/api/messages</c>, each answered 4xx before anything is stored.</summary>
public sealed class EdgeSecurityTests
{
    // Hole 1: at a choice prompt, 32 KB of digits kept a core busy for seconds (128 KB for a minute).
    [Fact]
    public async Task LongMessageWithDigits_AtChoicePrompt_Answers400TextTooLongQuickly()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.SendAll(Script.To(OffboardingSteps.RetrieveData));
        var message = ann.Message(string.Concat(Enumerable.Repeat("1 2 ", 32 * 1024 / 4)), null);
        var started = Stopwatch.StartNew();

        using var response = await Post(app, message.ToJsonString());

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
        Assert.Equal("TextTooLong", (await ErrorOf(response, HttpStatusCode.BadRequest))["code"]!.GetValue<string>());
        (await ann.Send("status")).Says("You're at Step 1 of 5");
    }

    // Hole 2: 1 MB activity and conversation ids grew memory and the database without limit.
    [Theory]
    [InlineData("id")]
    [InlineData("conversation.id")]
    [InlineData("from.id")]
    [InlineData("recipient.id")]
    public async Task MegabyteId_Returns400AndStoresNothing(string field)
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Send("hello");
        var before = DatabaseProbe.RowCounts(app.DatabasePath);
        var message = ann.Message("I want to close my account", null);
        var target = field.Contains('.') ? message[field.Split('.')[0]]!.AsObject() : message;
        target[field.Split('.')[^1]] = new string('x', 1000 * 1000);

        using var response = await Post(app, message.ToJsonString());

        var error = await ErrorOf(response, HttpStatusCode.BadRequest);
        Assert.Equal("LimitExceeded", (string?)error["code"]);
        Assert.Contains(field, (string?)error["message"]);
        Assert.Equal(before, DatabaseProbe.RowCounts(app.DatabasePath));
        Assert.True(DatabaseProbe.LongestValue(app.DatabasePath) < 100_000);
    }

    // Hole 7: membersAdded [null] answered 500.
    [Fact]
    public async Task ConversationUpdateWithNullMember_Returns400()
    {
        await using var app = new BotApplicationFactory();
        var update = ConversationClient.Payload("webchat-conversation-update.json");
        update["membersAdded"] = new JsonArray((JsonNode?)null);
        update["deliveryMode"] = "expectReplies";

        using var response = await Post(app, update.ToJsonString());

        Assert.Equal("NullItem", (string?)(await ErrorOf(response, HttpStatusCode.BadRequest))["code"]);
    }

    // Hole 3 (edge): without an app id, /api/messages took anyone's word for who they were, from anywhere.
    [Fact]
    public async Task NoAppId_RequestFromAnotherMachine_Returns401()
    {
        await using var app = new BotApplicationFactory();
        var ann = app.WebChat();
        await ann.Send("hello");
        var body = Encoding.UTF8.GetBytes(ann.Message("I want to close my account", null).ToJsonString());
        var before = DatabaseProbe.RowCounts(app.DatabasePath);

        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Path = "/api/messages";
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(body);
            http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        });

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Equal(before, DatabaseProbe.RowCounts(app.DatabasePath));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void NoAppId_OutsideDevelopment_RefusesToStart(string environment)
    {
        using var factory = new BotApplicationFactory();
        using var app = factory.WithWebHostBuilder(b => b.UseEnvironment(environment));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Bot:MicrosoftAppId", Flatten(error));
    }

    [Fact]
    public async Task NoAppId_OutsideDevelopmentWithEndpointDisabled_StartsAndAnswers404()
    {
        await using var factory = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Bot:MessagesEndpointEnabled"] = "false" });
        using var app = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        using var health = await app.CreateClient().GetAsync("/healthz");
        using var response = await app.CreateClient().PostAsync("/api/messages",
            new StringContent(factory.WebChat().Message("hi", null).ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate ? string.Join(" ", aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " " + Flatten(inner) : "");

    private static Task<HttpResponseMessage> Post(BotApplicationFactory app, string json) =>
        app.CreateClient().PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonObject> ErrorOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["error"]!.AsObject();
    }
}
