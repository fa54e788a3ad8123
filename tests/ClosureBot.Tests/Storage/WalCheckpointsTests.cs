using System.Text;
using ClosureBot.Storage;
using ClosureBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Storage;

/// <summary>
/// The write-ahead log's checkpoints run beside the single writer (<see cref="WalCheckpoints"/>), with SQLite's own
/// automatic checkpoint off on the writer's connection: the log must still be copied into the database and started
/// afresh, so it stays short, and nothing written is lost on the way.
/// </summary>
public sealed class WalCheckpointsTests
{
    private const int PageBytes = 4096;

    [Fact]
    public async Task ManyCommits_KeepTheLogShort_AndEveryConversationReadsBackFromTheDatabase()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<SqliteBotStore>();

        // 4,000 conversations of 10 KB each (three pages a commit), from 16 writers at once as turns would come: about
        // 12,000 pages through the log, twelve times what it holds before a checkpoint starts.
        const int conversations = 4_000;
        var states = Enumerable.Range(0, conversations).Select(State).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await store.CommitAsync(new TurnCommit { ConversationKey = $"test/wal-{i}", NewETag = $"e{i}", State = states[i], KeepCached = false }, ct));

        await using var reader = store.Database.Open(forWriting: false);
        var file = DatabaseFile(reader);
        var logPages = new FileInfo(file + "-wal").Length / (PageBytes + 24);
        // Without checkpoints the log would hold every page written (12,000 and more). With them it is started afresh
        // after each: it holds the 1,000 pages a checkpoint waits for, and what the writers appended while the thread
        // copied them, which a busy machine makes more (3,442 pages once, while the other tests ran).
        Assert.InRange(logPages, 1, 6_000);
        Assert.True(new FileInfo(file).Length > 20L * 1024 * 1024, $"the database file holds the copied pages ({new FileInfo(file).Length} bytes)");

        // Every conversation reads back whole, from a connection that never saw the writes.
        await using var command = reader.CreateCommand();
        command.CommandText = "SELECT key, CAST(state AS BLOB) FROM conversations WHERE key LIKE 'test/wal-%'";
        var read = 0;
        await using (var rows = await command.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
            {
                var i = int.Parse(rows.GetString(0)["test/wal-".Length..]);
                Assert.Equal(states[i], rows.GetFieldValue<byte[]>(1));
                read++;
            }
        }
        Assert.Equal(conversations, read);
    }

    [Fact]
    public async Task ACopyThatTakesLong_NeverHoldsUpTheWritersCommits_AndTheLogStartsAfreshOnceItIsDone()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient();
        var database = app.Services.GetRequiredService<SqliteDatabase>();
        // The checkpoint thread's connection opens only when the test lets it: a copy that takes as long as the test wants.
        using var copyStarted = new ManualResetEventSlim();
        using var copyMayRun = new ManualResetEventSlim();
        var writer = new SqliteGroupCommitter(database.Open(), () =>
        {
            copyStarted.Set();
            copyMayRun.Wait();
            return database.Open();
        }, new ConversationCache(1024 * 1024), TimeProvider.System, TimeSpan.Zero, app.Services.GetRequiredService<WriterMetrics>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await using var reader = database.Open(forWriting: false);
        var wal = DatabaseFile(reader) + "-wal";
        var next = 0;
        Task Commit() => writer.CommitAsync(new TurnCommit { ConversationKey = $"test/slow-{next}", NewETag = "e", State = State(next++), KeepCached = false },
            CancellationToken.None);
        try
        {
            // 1,000 pages written (three a conversation): the thread starts its copy, and is held.
            while (!copyStarted.IsSet && next < 1_000) await Commit();
            Assert.True(copyStarted.IsSet, "the thread starts a copy once the writer's commits wrote 1,000 pages");

            // While it is held, 600 more commits (about 1,800 pages) go through, each answered.
            var whileCopying = Task.Run(async () => { for (var i = 0; i < 600; i++) await Commit(); });
            Assert.Same(whileCopying, await Task.WhenAny(whileCopying, Task.Delay(TimeSpan.FromSeconds(60))));
            await whileCopying;

            // Once the copy is done, the writer copies the rest after its next batch, and the one after starts the log
            // afresh: the file then stops growing, as the next pages are written over its beginning.
            // Rounds of ten commits (about 30 pages) until one leaves the file as long as it was, for at most 30 s.
            copyMayRun.Set();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            long length;
            do
            {
                length = new FileInfo(wal).Length;
                for (var i = 0; i < 10; i++) await Commit();
            }
            while (new FileInfo(wal).Length != length && DateTime.UtcNow < deadline);
            for (var i = 0; i < 200; i++) await Commit(); // about 600 pages, fewer than the log already holds
            Assert.Equal(length, new FileInfo(wal).Length);
        }
        finally
        {
            copyMayRun.Set();
            await writer.DisposeAsync();
        }
    }

    private static byte[] State(int i)
    {
        var text = new StringBuilder().Append("{\"n\":").Append(i).Append(",\"pad\":\"");
        var random = new Random(i);
        while (text.Length < 10_000) text.Append((char)('a' + random.Next(26)));
        return Encoding.UTF8.GetBytes(text.Append("\"}").ToString());
    }

    private static string DatabaseFile(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT file FROM pragma_database_list WHERE name = 'main'";
        return (string)command.ExecuteScalar()!;
    }
}
