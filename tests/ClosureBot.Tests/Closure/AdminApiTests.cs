using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Closure;

/// <summary><c>GET /admin/closure-requests</c> answers only callers holding <c>Admin:ApiKey</c>.</summary>
public class AdminApiTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    [InlineData(BotApplicationFactory.AdminKey + "x")]
    [InlineData("admin-key-for-tests-7c4")]
    public async Task ClosureRequests_WithoutTheRightKey_Returns401AndNoRequests(string? key)
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        await app.WebChat().SendAll(Script.HappyPath);

        using var response = await Get(app, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("Unauthorized", (string?)JsonNode.Parse(body)!["error"]!["code"]);
        Assert.DoesNotContain("ACME", body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anything")]
    public async Task ClosureRequests_NoKeyConfigured_AlwaysReturns401(string? key)
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = "" }, storage: Storage);

        using var response = await Get(app, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ClosureRequests_WithTheKey_ListsLoggedRequests()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        Assert.Empty(await app.ClosureRequestsAsync());
        var reference = (await app.WebChat().SendAll(Script.HappyPath)).Fact("Reference");

        using var response = await Get(app, BotApplicationFactory.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logged = Assert.Single((await response.Content.ReadFromJsonAsync<JsonArray>())!)!;
        Assert.Equal(reference, (string?)logged["reference"]);
    }

    private static async Task<HttpResponseMessage> Get(BotApplicationFactory app, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/closure-requests");
        if (key is not null) request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return await app.CreateClient().SendAsync(request);
    }
}
