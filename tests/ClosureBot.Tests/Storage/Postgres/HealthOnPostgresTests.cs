using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Hosting;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="HealthTests"/> with the app on PostgreSQL, and what the health endpoint says when the database is gone.</summary>
public sealed class HealthOnPostgresTests : HealthTests
{
    protected override string Storage => StorageProviders.Postgres;

    [Fact]
    public async Task Healthz_DatabaseDropped_Returns503WithTheDatabaseUnhealthy()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        using var client = app.CreateClient();
        (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();

        PostgresServer.DropDatabase(app.PostgresConnectionString!);
        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("unhealthy", (string?)body["status"]);
        Assert.Equal("Postgres", (string?)body["database"]!["provider"]);
        Assert.Equal("unhealthy", (string?)body["database"]!["status"]);
    }
}
