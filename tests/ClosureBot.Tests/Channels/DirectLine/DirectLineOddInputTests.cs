using System.Net;
using System.Text.Json.Nodes;
using ClosureBot.Protocol.Activities;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Channels.DirectLine;

// Issue 7, holes 2 and 7 over Direct Line: odd or oversized posts are refused before they reach the transcript.
public class DirectLineOddInputTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Theory]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[null]}""", "NullItem")]
    [InlineData("""{"type":"message","text":"hi","entities":[null]}""", "NullItem")]
    [InlineData("""{"type":"message","text":"hi","attachments":[null]}""", "NullItem")]
    public async Task PostActivity_NullInList_Returns400AndTranscriptKeepsNothing(string json, string code)
    {
        await using var host = new DirectLineTestHost(storage: Storage);
        var client = new DirectLineTestClient(host.Client);
        var (conversationId, token) = await client.StartAsync();
        var (before, _) = await client.GetActivitiesAsync(conversationId, token);

        var error = await client.JsonAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, json, expectedStatus: 400);

        Assert.Equal(code, (string?)error["error"]!["code"]);
        var (after, _) = await client.GetActivitiesAsync(conversationId, token);
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public async Task PostActivity_TextOverTheLimit_Returns400TextTooLongAndStoresNothing()
    {
        await using var host = new DirectLineTestHost(storage: Storage);
        var client = new DirectLineTestClient(host.Client);
        var (conversationId, token) = await client.StartAsync();
        var before = DatabaseProbe.RowCounts(host.Postgres, Path.Combine(host.Folder, "closurebot.db"));
        var json = new JsonObject { ["type"] = "message", ["text"] = string.Concat(Enumerable.Repeat("1 2 ", 256 * 1024 / 4)) }.ToJsonString();

        var error = await client.JsonAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, json, expectedStatus: 400);

        Assert.Equal("TextTooLong", (string?)error["error"]!["code"]);
        Assert.Equal(before, DatabaseProbe.RowCounts(host.Postgres, Path.Combine(host.Folder, "closurebot.db")));
    }

    [Theory]
    [InlineData("/tokens/generate")]
    [InlineData("/conversations")]
    public async Task Token_MegabyteUserId_Returns400AndCreatesNoConversation(string path)
    {
        await using var host = new DirectLineTestHost(storage: Storage);
        var client = new DirectLineTestClient(host.Client);
        var before = DatabaseProbe.RowCounts(host.Postgres, Path.Combine(host.Folder, "closurebot.db"));
        var json = new JsonObject { ["user"] = new JsonObject { ["id"] = new string('u', 1000 * 1000) } }.ToJsonString();

        using var response = await client.SendAsync(HttpMethod.Post, path, DirectLineTestHost.Secret, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, DatabaseProbe.RowCounts(host.Postgres, Path.Combine(host.Folder, "closurebot.db")));
    }

    [Fact]
    public async Task Token_UserIdAtTheLimit_Accepted()
    {
        await using var host = new DirectLineTestHost(storage: Storage);
        var client = new DirectLineTestClient(host.Client);

        var (conversationId, _) = await client.GenerateAsync(new string('u', ActivityLimits.MaxIdLength));

        Assert.False(string.IsNullOrEmpty(conversationId));
    }

    // Hole 7: an activity the bot failed on (502) stayed in the transcript as if it had been taken.
    [Fact]
    public async Task PostActivity_TurnFails_Returns502AndTheActivityLeavesTheTranscript()
    {
        await using var host = new DirectLineTestHost(storage: Storage);
        var client = new DirectLineTestClient(host.Client);
        var (conversationId, token) = await client.StartAsync();
        await client.PostMessageAsync(conversationId, token, "I want to close my account", "c-1");
        await client.PostMessageAsync(conversationId, token, "yes", "c-2");
        var inventory = Path.Combine(host.Folder, "inventory.json");
        File.WriteAllText(inventory, "{ \"accounts\": [ this is not json");
        File.SetLastWriteTimeUtc(inventory, DateTime.UtcNow.AddSeconds(5));

        using var failed = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
            """{"type":"message","text":"ACME","locale":"en-US"}""");

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        var (activities, _) = await client.GetActivitiesAsync(conversationId, token);
        Assert.DoesNotContain(activities, a => DirectLineTestClient.TextOf(a) == "ACME");
        Assert.Contains(activities, a => DirectLineTestClient.TextOf(a) == "yes");
    }
}
