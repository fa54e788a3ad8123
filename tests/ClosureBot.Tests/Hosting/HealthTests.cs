using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_WithItsDatabase_Returns200Healthy()
    {
        await using var app = new BotApplicationFactory();

        using var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }
}
