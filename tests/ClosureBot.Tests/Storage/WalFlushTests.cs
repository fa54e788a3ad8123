using System.Text;
using ClosureBot.Storage;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Tests.Storage;

/// <summary>
/// With <c>Storage:Synchronous</c> Full on a database with a write-ahead log, the SQLite writer commits without syncing
/// and a flush beside it makes the commits durable: a turn is answered only after a flush that began after its commit,
/// the writer writes the turns that arrive during a flush and commits them together once it ends, and a flush that fails
/// stops the store.
/// </summary>
public sealed class WalFlushTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly string _folder = Directory.CreateTempSubdirectory("closurebot-walflush-").FullName;

    [Fact]
    public async Task ACommit_IsAnsweredOnlyAfterAFlushThatBeganAfterIt_AndTheWriterWritesDuringAFlush()
    {
        var flush = new GatedFlush();
        await using var committer = Committer(flush);

        var first = committer.CommitAsync(Commit("webchat/a"), CancellationToken.None);
        await flush.StartedAsync(1);
        Assert.True(Exists("webchat/a"));
        var second = committer.CommitAsync(Commit("webchat/b"), CancellationToken.None);

        // While the first flush runs, the writer writes the second turn (it holds the write lock) but does not commit it.
        await WaitUntilAsync(WriterHoldsTheLock);
        Assert.False(Exists("webchat/b"));
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        // The first flush answers the first turn only; the second is committed after it and waits for the next flush.
        flush.Release();
        await first.WaitAsync(Patience);
        await flush.StartedAsync(2);
        Assert.True(Exists("webchat/b"));
        Assert.False(second.IsCompleted);

        flush.Release();
        await second.WaitAsync(Patience);
        Assert.Equal(2, flush.Started);
    }

    [Fact]
    public async Task TurnsThatArriveDuringAFlush_ShareOneCommitAndTheNextFlush()
    {
        var flush = new GatedFlush();
        await using var committer = Committer(flush);
        var first = committer.CommitAsync(Commit("webchat/first"), CancellationToken.None);
        await flush.StartedAsync(1);

        var waiting = Enumerable.Range(0, 20).Select(i => committer.CommitAsync(Commit($"webchat/{i}"), CancellationToken.None)).ToList();
        flush.Release();
        await first.WaitAsync(Patience);
        await flush.StartedAsync(2);
        flush.Release();

        await Task.WhenAll(waiting).WaitAsync(Patience);
        Assert.Equal(2, flush.Started);
        Assert.All(Enumerable.Range(0, 20), i => Assert.True(Exists($"webchat/{i}")));
    }

    [Fact]
    public async Task WithoutAFlush_EachBatchIsCommittedAndAnsweredAtOnce()
    {
        var connection = Open(DatabasePath);
        Prepare(connection);
        await using var committer = new SqliteGroupCommitter(connection, new ConversationCache(1 << 20), TimeProvider.System, TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => committer.CommitAsync(Commit($"webchat/{i}"), CancellationToken.None))).WaitAsync(Patience);

        Assert.All(Enumerable.Range(0, 20), i => Assert.True(Exists($"webchat/{i}")));
        Assert.False(committer.FlushesBesideTheWriter);
    }

    [Fact]
    public async Task Disposing_CommitsAndFlushesWhatWasWritten()
    {
        var flush = new GatedFlush();
        var committer = Committer(flush);
        var first = committer.CommitAsync(Commit("webchat/a"), CancellationToken.None);
        await flush.StartedAsync(1);
        var second = committer.CommitAsync(Commit("webchat/b"), CancellationToken.None);
        await WaitUntilAsync(WriterHoldsTheLock);

        var disposed = committer.DisposeAsync().AsTask();
        flush.Release();
        await flush.StartedAsync(2);
        flush.Release();
        await disposed.WaitAsync(Patience);

        await Task.WhenAll(first, second).WaitAsync(Patience);
        Assert.True(Exists("webchat/b"));
    }

    [Fact]
    public async Task AFailedFlush_FailsItsTurns_AndStopsTheStore()
    {
        var flush = new FailingFlush();
        await using var committer = Committer(flush);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            committer.CommitAsync(Commit("webchat/a"), CancellationToken.None).WaitAsync(Patience));
        Assert.Contains("could not be flushed to disk", failed.Message);
        Assert.IsType<IOException>(failed.InnerException);

        // Nothing more is taken on, and the health check reports it.
        Assert.False(committer.IsRunning);
        await Assert.ThrowsAsync<InvalidOperationException>(() => committer.CommitAsync(Commit("webchat/b"), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => committer.WriteAsync(_ => 0, CancellationToken.None));
        Assert.False(Exists("webchat/b"));
        Assert.Equal(1, flush.Calls);
    }

    [Fact]
    public async Task For_AFileDatabaseInWalMode_FlushesTheLog_AndLeavesSyncingToIt()
    {
        await using var writer = Open(Path.Combine(_folder, "wal.db"));
        Execute(writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (x)");

        using var flush = WalFlush.For(writer);

        Assert.NotNull(flush);
        Assert.Equal(1L, Scalar(writer, "PRAGMA synchronous")); // NORMAL: SQLite no longer syncs each commit itself
        Execute(writer, "INSERT INTO t VALUES (1)");
        flush!.Flush();
    }

    [Theory]
    [InlineData(":memory:", null)]
    [InlineData("delete.db", "DELETE")]
    public async Task For_ADatabaseWithoutAWriteAheadLog_IsNone_AndSQLiteKeepsSyncing(string source, string? journal)
    {
        await using var writer = Open(source == ":memory:" ? source : Path.Combine(_folder, source));
        Execute(writer, $"{(journal is null ? "" : $"PRAGMA journal_mode = {journal};")} PRAGMA synchronous = FULL; CREATE TABLE t (x)");

        Assert.Null(WalFlush.For(writer));
        Assert.Equal(2L, Scalar(writer, "PRAGMA synchronous"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string DatabasePath => Path.Combine(_folder, "store.db");

    private SqliteGroupCommitter Committer(WalFlush flush)
    {
        var connection = Open(DatabasePath);
        Prepare(connection);
        Execute(connection, "PRAGMA synchronous = NORMAL");
        return new SqliteGroupCommitter(connection, new ConversationCache(1 << 20), TimeProvider.System, TimeSpan.Zero, flush);
    }

    private static void Prepare(SqliteConnection connection)
    {
        Execute(connection, SqliteSchema.Create);
        OutboxStatements.EnsureSchema(connection);
        Execute(connection, HandoffStatements.Schema);
    }

    // Another connection cannot take the write lock while the writer has a transaction open.
    private bool WriterHoldsTheLock()
    {
        using var other = Open(DatabasePath);
        using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
        begin.CommandTimeout = 1; // the provider retries a busy database for this long (seconds)
        try
        {
            begin.ExecuteNonQuery();
            return false;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5)
        {
            return true;
        }
    }

    private static TurnCommit Commit(string key) => new() { ConversationKey = key, NewETag = "1", State = Encoding.UTF8.GetBytes("{}") };

    private bool Exists(string key)
    {
        using var reader = Open(DatabasePath);
        return (long)Scalar(reader, $"SELECT count(*) FROM conversations WHERE key = '{key}'")! == 1;
    }

    private static SqliteConnection Open(string source)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not come true in time.");
            await Task.Delay(10);
        }
    }

    /// <summary>A flush that counts its calls and holds each until the test releases it.</summary>
    private sealed class GatedFlush : WalFlush
    {
        private readonly SemaphoreSlim _gate = new(0);
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public override void Flush()
        {
            Interlocked.Increment(ref _started);
            if (!_gate.Wait(Patience)) throw new IOException("The test never released the flush.");
        }

        public void Release() => _gate.Release();

        public Task StartedAsync(int count) => WaitUntilAsync(() => Started >= count);

        public override void Dispose() => _gate.Dispose();
    }

    /// <summary>A disk that refuses every flush, as after a write error.</summary>
    private sealed class FailingFlush : WalFlush
    {
        public int Calls;

        public override void Flush()
        {
            Interlocked.Increment(ref Calls);
            throw new IOException("Input/output error");
        }
    }
}
