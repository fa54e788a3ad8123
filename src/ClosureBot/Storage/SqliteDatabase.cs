using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ClosureBot.Storage;

/// <summary>
/// The embedded SQLite database file: resolves <c>Storage:ConnectionString</c> against the content root, creates its
/// folder, and opens connections with the pragmas every connection needs. Shared by every SQLite-backed store.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>Most readers kept open between reads (<see cref="RentReader"/>); more are opened while reads overlap, and closed after.</summary>
    internal const int MaxIdleReaders = 8;
    private readonly ConcurrentStack<SqliteReader> _idleReaders = new();
    private int _idleReaderCount;
    private volatile bool _disposed;
    private readonly string _connectionString;
    private readonly string _synchronous;
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> ConfiguredReaders = new();
    private static readonly object Configured = new();

    public SqliteDatabase(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString) { Pooling = true };
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !Path.IsPathRooted(source))
            builder.DataSource = Path.Combine(environment.ContentRootPath, source);
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        _connectionString = builder.ToString();
        _synchronous = options.Value.Synchronous;
    }

    /// <summary>
    /// An open pooled connection. Readers need nothing more (WAL lets them run beside the writer, and the provider
    /// retries a busy database); a connection that writes is given a busy timeout and the configured durability.
    /// </summary>
    public SqliteConnection Open(bool forWriting = true)
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        if (!forWriting)
        {
            // A reader's page cache 128 KiB, not SQLite's 2 MiB: readers fetch a few rows by key (a conversation that left
            // the in-memory cache, a saved place, an outbox row), and the pool keeps several of them open, each filling its
            // own cache (measured: 3-4 MiB less peak RSS at 32 customers, the same turns/s). Set once per pooled handle.
            if (!ConfiguredReaders.TryGetValue(connection.Handle!, out _))
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA cache_size = -128;";
                pragma.ExecuteNonQuery();
                ConfiguredReaders.AddOrUpdate(connection.Handle!, Configured);
            }
            return connection;
        }
        using var command = connection.CreateCommand();
        // A small page cache (512 KiB, not SQLite's 2 MiB) for the writer: a group commit dirties a few dozen pages, and
        // the smaller cache measured about 25 µs a turn cheaper (five of six alternating rounds; 32 MiB was worse).
        // The automatic checkpoint set back to SQLite's default: the pool may hand out the single writer's handle again,
        // which had it off (WalCheckpoints).
        command.CommandText =
            $"PRAGMA busy_timeout = 5000; PRAGMA synchronous = {(_synchronous == "Normal" ? "NORMAL" : "FULL")}; PRAGMA cache_size = -512; PRAGMA wal_autocheckpoint = 1000;";
        command.ExecuteNonQuery();
        ConfiguredReaders.Remove(connection.Handle!); // the pool may hand this handle to a reader next
        return connection;
    }

    /// <summary>
    /// A reader whose commands stay prepared from one read to the next (<see cref="SqliteReader"/>); disposing it gives it
    /// back. The turn's reads (a conversation not in memory, a saved place, an open closure request) each opened a pooled
    /// connection, had SQLite compile the query again and closed the connection: 1-2 % of the bot's CPU under load
    /// (forty-eighth measurement).
    /// </summary>
    internal SqliteReader RentReader()
    {
        if (_idleReaders.TryPop(out var reader))
        {
            Interlocked.Decrement(ref _idleReaderCount);
            return reader;
        }
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new SqliteReader(this, Open(forWriting: false));
    }

    /// <summary>Readers kept open now.</summary>
    internal int IdleReaders => Volatile.Read(ref _idleReaderCount);

    internal void Return(SqliteReader reader)
    {
        if (!_disposed && reader.CanBeReused)
        {
            if (Interlocked.Increment(ref _idleReaderCount) <= MaxIdleReaders)
            {
                _idleReaders.Push(reader);
                // Closed here too if the database was disposed meanwhile.
                if (_disposed) CloseIdleReaders();
                return;
            }
            Interlocked.Decrement(ref _idleReaderCount);
        }
        reader.Close();
    }

    /// <summary>Closes the readers kept open; a reader in use is closed when it is given back.</summary>
    public void Dispose()
    {
        _disposed = true;
        CloseIdleReaders();
    }

    private void CloseIdleReaders()
    {
        while (_idleReaders.TryPop(out var reader))
        {
            Interlocked.Decrement(ref _idleReaderCount);
            reader.Close();
        }
    }

    /// <summary>Runs DDL (idempotent <c>CREATE … IF NOT EXISTS</c>) once at start-up.</summary>
    public void EnsureSchema(string ddl)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = ddl;
        command.ExecuteNonQuery();
    }
}
