using ClosureBot.Storage;
using ClosureBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClosureBot.Tests.Storage;

public class SqliteDatabaseTests
{
    [Fact]
    public async Task Open_ForWriting_FlushesEveryCommitWithASmallPageCache()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient();
        var database = app.Services.GetRequiredService<SqliteDatabase>();

        await using var writer = database.Open(forWriting: true);
        await using var reader = database.Open(forWriting: false);

        // FULL (2): each group commit is flushed before a reply goes out; 512 KiB of pages (tests/ClosureBot.LoadTest/MEASUREMENTS.md, fifth measurement).
        Assert.Equal(2L, Pragma(writer, "synchronous"));
        Assert.Equal(-512L, Pragma(writer, "cache_size"));
        Assert.Equal(5000L, Pragma(writer, "busy_timeout"));
        // SQLite's own checkpoint, even on a handle the pool had given the single writer, which has it off (WalCheckpoints).
        Assert.Equal(1000L, Pragma(writer, "wal_autocheckpoint"));
        // Readers run beside the writer (write-ahead log).
        using var journal = reader.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)journal.ExecuteScalar()!);
    }

    [Fact]
    public async Task Open_ForReading_GivesEveryPooledConnectionASmallPageCache()
    {
        await using var app = new BotApplicationFactory();
        using var client = app.CreateClient();
        var database = app.Services.GetRequiredService<SqliteDatabase>();

        // Several readers at once (the pool opens a handle for each), then each handle again from the pool.
        var first = Enumerable.Range(0, 3).Select(_ => database.Open(forWriting: false)).ToList();
        Assert.All(first, reader => Assert.Equal(-128L, Pragma(reader, "cache_size")));
        foreach (var reader in first) await reader.DisposeAsync();
        var again = Enumerable.Range(0, 3).Select(_ => database.Open(forWriting: false)).ToList();
        Assert.All(again, reader => Assert.Equal(-128L, Pragma(reader, "cache_size")));
        foreach (var reader in again) await reader.DisposeAsync();
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)command.ExecuteScalar()!;
    }
}
