using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

public class HealthTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task Healthz_WithItsDatabase_Returns200Healthy()
    {
        await using var app = new BotApplicationFactory(storage: Storage);

        using var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("healthy", (string?)body["status"]);
        Assert.Equal(Storage, (string?)body["database"]!["provider"]);
        Assert.Equal("healthy", (string?)body["database"]!["status"]);
    }
}
