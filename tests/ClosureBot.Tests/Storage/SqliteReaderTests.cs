using ClosureBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace ClosureBot.Tests.Storage;

// The turn's reads run on readers kept open with their commands prepared (SqliteDatabase.RentReader). They must read what
// is there now, never hold a snapshot that keeps the log from being copied back, stay bounded, and close with the database.
public sealed class SqliteReaderTests : IDisposable
{
    private const string Query = "SELECT v FROM t WHERE k = @p0";
    private readonly string _folder = Directory.CreateTempSubdirectory("closurebot-reader-").FullName;
    private readonly SqliteDatabase _database;

    public SqliteReaderTests()
    {
        _database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = "Data Source=reads.db" }),
            new HostingEnvironment { ContentRootPath = _folder });
        _database.EnsureSchema("PRAGMA journal_mode = WAL; CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT);");
        Write("a", "first");
        Write("b", "second");
    }

    [Fact]
    public async Task RentReader_ReadsAgainWithNewValues_OnTheCommandPreparedTheFirstTime()
    {
        SqliteCommand first;
        using (var reader = _database.RentReader())
        {
            first = reader.Command(Query, "a");
            Assert.Equal("first", await first.ExecuteScalarAsync());
        }
        Write("a", "changed");

        using var again = _database.RentReader();
        var command = again.Command(Query, "b");

        Assert.Same(first, command);
        Assert.Equal("second", await command.ExecuteScalarAsync());
        Assert.Equal("changed", await again.Command(Query, "a").ExecuteScalarAsync());
        Assert.Null(await again.Command(Query, [null]).ExecuteScalarAsync());
    }

    [Fact]
    public void IdleReaders_HoldNoSnapshot_SoACheckpointCopiesTheWholeLog()
    {
        for (var i = 0; i < 20; i++)
        {
            using var reader = _database.RentReader();
            using var rows = reader.Command(Query, i % 2 == 0 ? "a" : "b").ExecuteReader();
            Assert.True(rows.Read());
        }
        Write("c", "third");
        Assert.Equal(0L, Checkpoint());

        // The check can fail: a reader in the middle of a read holds its snapshot, and the copy stops short of the end.
        using var reading = _database.RentReader();
        using var open = reading.Command(Query, "a").ExecuteReader();
        Assert.True(open.Read());
        Write("d", "fourth");
        Assert.Equal(1L, Checkpoint());
    }

    [Fact]
    public async Task ManyReadsAtOnce_EachGetsItsOwnRow_AndAtMostTheBoundStayOpen()
    {
        for (var i = 0; i < 40; i++) Write($"k{i}", $"v{i}");

        await Parallel.ForAsync(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            using var reader = _database.RentReader();
            Assert.Equal($"v{i % 40}", await reader.Command(Query, $"k{i % 40}").ExecuteScalarAsync(ct));
        });

        Assert.InRange(_database.IdleReaders, 1, SqliteDatabase.MaxIdleReaders);
    }

    [Fact]
    public void Dispose_ClosesTheIdleReaders_AndOneGivenBackAfterwards()
    {
        var idle = _database.RentReader();
        var busy = _database.RentReader();
        idle.Dispose();

        _database.Dispose();
        Assert.False(idle.CanBeReused);
        Assert.True(busy.CanBeReused);
        busy.Dispose();

        Assert.False(busy.CanBeReused);
        Assert.Equal(0, _database.IdleReaders);
        Assert.Throws<ObjectDisposedException>(() => _database.RentReader());
    }

    [Fact]
    public void Command_WithAnotherNumberOfValuesThanTheFirstTime_IsRefused()
    {
        using var reader = _database.RentReader();
        reader.Command(Query, "a").ExecuteScalar();

        Assert.Throws<ArgumentException>(() => reader.Command(Query, "a", "b"));
    }

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void Write(string key, string value)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO t (k, v) VALUES ($k, $v) ON CONFLICT (k) DO UPDATE SET v = excluded.v";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    // TRUNCATE copies the whole log and starts it anew only when no reader still reads an older state: its first column
    // is 1 ("busy") when one does.
    private long Checkpoint()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var result = command.ExecuteReader();
        Assert.True(result.Read());
        return result.GetInt64(0);
    }
}
