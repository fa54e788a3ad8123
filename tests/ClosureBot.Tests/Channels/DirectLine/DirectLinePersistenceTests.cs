using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Channels.DirectLine;

// Conversations, their history and their tokens outlive the app process.
public class DirectLinePersistenceTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task Restart_MidFlow_KeepsHistoryTokenAndDialogPosition()
    {
        // One folder for both hosts: the same app before and after its restart.
        using var folder = new TempFolder("closurebot-dl-");
        string conversationId, token, watermark;
        string? postgres;
        await using (var before = new DirectLineTestHost(folder.Path, storage: Storage))
        {
            postgres = before.Postgres;
            var client = new DirectLineTestClient(before.Client);
            (conversationId, token) = await client.StartAsync();
            await client.PostMessageAsync(conversationId, token, "I want to close my account", "c1");
            await client.PostMessageAsync(conversationId, token, "yes", "c2");
            (_, watermark) = await client.GetActivitiesAsync(conversationId, token);
        }

        await using var after = new DirectLineTestHost(folder.Path, storage: Storage, postgres: postgres);
        var resumed = new DirectLineTestClient(after.Client);
        var (history, sameWatermark) = await resumed.GetActivitiesAsync(conversationId, token);
        await resumed.PostMessageAsync(conversationId, token, "ACME", "c3");
        var (next, _) = await resumed.GetActivitiesAsync(conversationId, token, watermark);

        Assert.Equal(watermark, sameWatermark);
        Assert.Contains(history, a => DirectLineTestClient.TextOf(a) == "Which account do you want to close? Type its account alias.");
        Assert.EndsWith($"|{long.Parse(watermark) + 1:D7}", (string)next[0]!["id"]!);
        Assert.Contains(next, a => DirectLineTestClient.TextOf(a) == "Do you have a cloud term commitment?");
    }
}
