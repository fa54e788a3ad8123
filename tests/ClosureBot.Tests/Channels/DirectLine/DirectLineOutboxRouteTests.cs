using System.Text.Json.Nodes;
using ClosureBot.Outbox;
using Microsoft.Data.Sqlite;
using ClosureBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClosureBot.Tests.Channels.DirectLine;

// Web chat replies live in the Direct Line activity log; the outbox puts them there after a crash, each exactly once.
public class DirectLineOutboxRouteTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task TurnWithSeveralReplies_TheyLandInTheHistoryTogether_InOneWrite()
    {
        await using var host = new DirectLineTestHost(storage: Storage);
        var client = new DirectLineTestClient(host.Client);
        var (conversationId, token) = await client.StartAsync();

        var posted = await client.PostMessageAsync(conversationId, token, "I want to close my account", "c1");
        var (history, _) = await client.GetActivitiesAsync(conversationId, token);

        // The replies are the turn's, numbered right after the customer's message; written in one append, they share
        // its timestamp (appended one at a time, each took the clock's time at its own write).
        var postedId = (string)posted["id"]!;
        var replies = history.SkipWhile(a => (string?)a!["id"] != postedId).Skip(1).ToList();
        Assert.True(replies.Count >= 2, $"expected several replies, got {replies.Count}");
        var first = long.Parse(postedId.Split('|')[1]);
        Assert.Equal(Enumerable.Range(1, replies.Count).Select(i => first + i), replies.Select(a => long.Parse(((string)a!["id"]!).Split('|')[1])));
        Assert.Single(replies.Select(a => (string?)a!["timestamp"]).Distinct());
    }

    [Fact]
    public async Task Restart_RepliesCommittedButMissingFromTheLogOrNotMarked_AreInTheLogOnceEach()
    {
        // One folder for both hosts: the same app before and after its restart.
        using var folder = new TempFolder("closurebot-dl-");
        string conversationId, token;
        string? postgres;
        long messageSequence;
        List<string> history;
        await using (var before = new DirectLineTestHost(folder.Path, storage: Storage))
        {
            postgres = before.Postgres;
            var client = new DirectLineTestClient(before.Client);
            (conversationId, token) = await client.StartAsync();
            var posted = await client.PostMessageAsync(conversationId, token, "I want to close my account", "c1");
            messageSequence = long.Parse(((string)posted["id"]!).Split('|')[1]);
            history = Describe((await client.GetActivitiesAsync(conversationId, token)).Activities);
        }
        // As if the process had died twice: once after committing the message's turn but before its replies reached the
        // log, once after the welcome reached the log but before the outbox recorded it.
        const string sql = """
            DELETE FROM directline_activities WHERE conversation_id = $1 AND seq > $2;
            UPDATE outbox SET delivered = 0, next_attempt_at = 0 WHERE conversation_key = 'webchat/' || $1;
            """;
        if (postgres is not null)
        {
            await using var database = new NpgsqlConnection(postgres);
            await database.OpenAsync();
            await using var batch = new NpgsqlBatch(database);
            foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var command = new NpgsqlBatchCommand(statement);
                command.Parameters.AddWithValue(conversationId);
                if (statement.Contains("$2")) command.Parameters.AddWithValue(messageSequence);
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync();
        }
        else
        {
            await using var database = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "closurebot.db")};Pooling=False");
            await database.OpenAsync();
            await using var command = database.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$1", conversationId);
            command.Parameters.AddWithValue("$2", messageSequence);
            await command.ExecuteNonQueryAsync();
        }

        await using var after = new DirectLineTestHost(folder.Path, storage: Storage, postgres: postgres);
        await after.Services.GetRequiredService<OutboxDeliveryWorker>().RunOnceAsync(CancellationToken.None);

        var (recovered, _) = await new DirectLineTestClient(after.Client).GetActivitiesAsync(conversationId, token);
        Assert.Equal(history, Describe(recovered));
        Assert.Contains("bot: Shall we start?", history);
    }

    private static List<string> Describe(JsonArray activities) => activities
        .Select(a => $"{a!["from"]?["role"] ?? "user"}: {(string?)a["text"] ?? (string?)a["attachments"]?[0]?["contentType"]}")
        .ToList();
}
