using ClosureBot.Outbox;
using ClosureBot.Retention;
using ClosureBot.Storage;
using ClosureBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Storage;

/// <summary>
/// The SQLite outbox is found through its conversation's rowid (so a group commit's rows share index pages). These check
/// what that layout must not change: a database of the earlier layout keeps its rows and their duplicate check, a rowid
/// reused by another conversation matches none of the first one's rows, and a deleted conversation takes its rows along.
/// </summary>
public sealed class SqliteOutboxLayoutTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Start_OnAnOutboxOfTheEarlierLayout_KeepsItsRowsAndTheirDuplicateCheck()
    {
        await using var app = new BotApplicationFactory();
        var at = BotApplicationFactory.Start.ToUnixTimeMilliseconds();
        using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SqliteSchema.Create + $"""
                CREATE TABLE outbox (
                    conversation_key TEXT NOT NULL, activity_id TEXT NOT NULL, replies BLOB NOT NULL, reply_count INTEGER NOT NULL,
                    delivered INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
                    next_attempt_at INTEGER, PRIMARY KEY (conversation_key, activity_id));
                CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
                INSERT INTO conversations (key, etag, state, updated_at) VALUES ('other', 'e1', '[]', 'x'), ('k1', 'e1', '[]', 'x');
                INSERT INTO outbox VALUES ('k1', 'a1', X'010203', 1, 0, 2, {at}, {at + 1000});
                INSERT INTO outbox VALUES ('gone', 'a1', X'04', 1, 0, 0, {at}, NULL);
                """;
            command.ExecuteNonQuery();
        }

        var store = app.Services.GetRequiredService<IBotStore>();
        var outbox = app.Services.GetRequiredService<IOutboxStore>();

        var kept = await outbox.FindAsync("k1", "a1", CancellationToken.None);
        Assert.Equal([1, 2, 3], kept!.Replies);
        Assert.Equal((2, BotApplicationFactory.Start.AddSeconds(1)), (kept.Attempts, kept.NextAttemptAt));
        Assert.Equal(["k1"], (await outbox.FindDueAsync(BotApplicationFactory.Start.AddDays(1), 10, CancellationToken.None)).Select(r => r.ConversationKey));
        await Assert.ThrowsAsync<DuplicateActivityException>(() => store.CommitAsync(Turn("k1", "e1", "e2", "a1"), CancellationToken.None));
        // The rows of a conversation that is gone have nothing to be redelivered to; the earlier table is gone too.
        Assert.Null(await outbox.FindAsync("gone", "a1", CancellationToken.None));
        Assert.Equal(["outbox"], DatabaseProbe.Strings(app, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'outbox%'"));
        Assert.Equal(["k1 2"], DatabaseProbe.Strings(app, "SELECT conversation_key || ' ' || conversation_rowid FROM outbox"));
    }

    [Fact]
    public async Task Commit_ARowidReusedByAnotherConversation_IsNoDuplicateOfTheFirstOnesActivities()
    {
        await using var app = new BotApplicationFactory();
        var store = app.Services.GetRequiredService<IBotStore>();
        await store.CommitAsync(Turn("first", null, "e1", "a1"), CancellationToken.None);
        // SQLite hands the highest rowid out again once its row is deleted.
        DatabaseProbe.Strings(app, "DELETE FROM conversations WHERE key = 'first' RETURNING key");

        await store.CommitAsync(Turn("second", null, "e1", "a1"), CancellationToken.None);

        Assert.Equal(["first 1", "second 1"],
            DatabaseProbe.Strings(app, "SELECT conversation_key || ' ' || conversation_rowid FROM outbox ORDER BY conversation_key"));
        var outbox = app.Services.GetRequiredService<IOutboxStore>();
        Assert.Equal([2], (await outbox.FindAsync("second", "a1", CancellationToken.None))!.Replies);
        Assert.Null(await outbox.FindAsync("first", "a1", CancellationToken.None));
    }

    [Fact]
    public async Task Retention_DeletingAConversation_DeletesItsOutboxRowsAndKeepsTheOthers()
    {
        await using var app = new BotApplicationFactory(settings: new Dictionary<string, string?> { ["Retention:Enabled"] = "false" });
        var store = app.Services.GetRequiredService<IBotStore>();
        // Its replies still wait for a retry when the conversation goes.
        await store.CommitAsync(Turn("idle", null, "e1", "a1", pushAt: app.Clock!.GetUtcNow()), CancellationToken.None);
        app.Clock.Advance(91 * Day);
        await store.CommitAsync(Turn("recent", null, "e1", "a1", at: app.Clock.GetUtcNow()), CancellationToken.None);

        var counts = await app.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(app.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, counts["idleConversations"]);
        Assert.Equal(["recent"], DatabaseProbe.Strings(app, "SELECT conversation_key FROM outbox"));
        Assert.Empty(await app.Services.GetRequiredService<IOutboxStore>().FindDueAsync(app.Clock.GetUtcNow(), 10, CancellationToken.None));
    }

    private static TurnCommit Turn(string key, string? expected, string etag, string activity, DateTimeOffset? pushAt = null,
        DateTimeOffset? at = null) => new()
    {
        ConversationKey = key, ExpectedETag = expected, NewETag = etag, State = "{}"u8.ToArray(),
        Replies = new OutboxEntry(key, activity, [(byte)(key == "second" ? 2 : 1)], 1, at ?? BotApplicationFactory.Start, pushAt),
    };
}
