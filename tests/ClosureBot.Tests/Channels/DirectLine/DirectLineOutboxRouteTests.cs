using System.Text.Json.Nodes;
using ClosureBot.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Channels.DirectLine;

// Web chat replies live in the Direct Line activity log; the outbox puts them there after a crash, each exactly once.
public sealed class DirectLineOutboxRouteTests
{
    [Fact]
    public async Task Restart_RepliesCommittedButMissingFromTheLogOrNotMarked_AreInTheLogOnceEach()
    {
        string folder, conversationId, token;
        long messageSequence;
        List<string> history;
        await using (var before = new DirectLineTestHost())
        {
            folder = before.Folder;
            var client = new DirectLineTestClient(before.Client);
            (conversationId, token) = await client.StartAsync();
            var posted = await client.PostMessageAsync(conversationId, token, "I want to close my account", "c1");
            messageSequence = long.Parse(((string)posted["id"]!).Split('|')[1]);
            history = Describe((await client.GetActivitiesAsync(conversationId, token)).Activities);
        }
        // As if the process had died twice: once after committing the message's turn but before its replies reached the
        // log, once after the welcome reached the log but before the outbox recorded it.
        await using (var database = new SqliteConnection($"Data Source={Path.Combine(folder, "closurebot.db")};Pooling=False"))
        {
            await database.OpenAsync();
            await using var command = database.CreateCommand();
            command.CommandText = """
                DELETE FROM directline_activities WHERE conversation_id = $conversation AND seq > $message;
                UPDATE outbox SET delivered = 0, next_attempt_at = 0 WHERE conversation_key = 'webchat/' || $conversation;
                """;
            command.Parameters.AddWithValue("$conversation", conversationId);
            command.Parameters.AddWithValue("$message", messageSequence);
            await command.ExecuteNonQueryAsync();
        }

        await using var after = new DirectLineTestHost(folder);
        await after.Services.GetRequiredService<OutboxDeliveryWorker>().RunOnceAsync(CancellationToken.None);

        var (recovered, _) = await new DirectLineTestClient(after.Client).GetActivitiesAsync(conversationId, token);
        Assert.Equal(history, Describe(recovered));
        Assert.Contains("bot: Shall we start?", history);
    }

    private static List<string> Describe(JsonArray activities) => activities
        .Select(a => $"{a!["from"]?["role"] ?? "user"}: {(string?)a["text"] ?? (string?)a["attachments"]?[0]?["contentType"]}")
        .ToList();
}
