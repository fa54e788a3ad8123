using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ClosureBot.Storage;

/// <summary>
/// The checkpoints of the write-ahead log, taken off the single writer's path. SQLite's automatic checkpoint runs inside
/// the <c>COMMIT</c> that takes the log past 1,000 pages: the writer then copies the log into the database file and
/// flushes it (6.3 ms at the median, thirty-first measurement) while every turn of its batch, and every turn queued
/// behind it, waits, though their writes were durable before the copy began.
/// <para>
/// Here the writer's connection has the automatic checkpoint off. The writer counts the pages its commits wrote to the
/// log; once they reach <see cref="Pages"/>, a thread of its own, with a connection of its own, copies the log
/// (<c>PASSIVE</c>: it never waits for, or holds up, the writer or a reader). Meanwhile the writer goes on appending,
/// so that copy never reaches the end of the log, and SQLite starts a log from the beginning only once a checkpoint has
/// copied all of it. So when the thread is done, the writer, between two batches, copies the few pages appended
/// meanwhile, and its next transaction starts the log afresh: the log stays about as long as it was, and the writer
/// waits for a copy of those few pages instead of the whole log.
/// </para>
/// </summary>
internal sealed class WalCheckpoints : IDisposable
{
    /// <summary>SQLite's default <c>wal_autocheckpoint</c>: the log is copied back once it holds this many pages.</summary>
    public const int Pages = 1000;
    private const int CacheWrite = 9; // SQLITE_DBSTATUS_CACHE_WRITE: pages this connection wrote (to the log, in WAL mode)
    private readonly SqliteConnection _writer;
    private readonly Func<SqliteConnection> _open;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _start = new(0);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile bool _copied;
    private bool _copying;
    private long _written;

    /// <param name="writer">The single writer's connection; its automatic checkpoint is switched off here.</param>
    /// <param name="open">Opens the connection the checkpoint thread copies the log with.</param>
    public WalCheckpoints(SqliteConnection writer, Func<SqliteConnection> open, ILogger logger)
    {
        _writer = writer;
        _open = open;
        _logger = logger;
        using (var command = writer.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_autocheckpoint = 0";
            command.ExecuteNonQuery();
        }
        raw.sqlite3_db_status(writer.Handle, CacheWrite, out _, out _, 1);
        _thread = new Thread(CopyLoop) { IsBackground = true, Name = "SQLite checkpoints" };
        _thread.Start();
    }

    /// <summary>
    /// Called by the writer after each batch, once the batch's turns have their answers: counts the pages the batch
    /// wrote, starts the thread's copy once they reach <see cref="Pages"/>, and finishes a copy the thread has done.
    /// </summary>
    public void AfterBatch()
    {
        raw.sqlite3_db_status(_writer.Handle, CacheWrite, out var written, out _, 1);
        _written += written;
        if (_copied)
        {
            _copied = false;
            _copying = false;
            _written = 0;
            try
            {
                Checkpoint(_writer);
            }
            catch (SqliteException ex)
            {
                // The log only grows until the next one: nothing written is lost, and the turns are already answered.
                _logger.LogWarning(ex, "The writer could not finish the checkpoint of the write-ahead log");
            }
        }
        else if (!_copying && _written >= Pages)
        {
            _copying = true;
            _start.Release();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _start.Release();
        _thread.Join();
        _start.Dispose();
        // The handle goes back to the pool; a connection opened from it again for writing gets the default back
        // (SqliteDatabase.Open), and the last one closed checkpoints the log as SQLite always does.
    }

    private void CopyLoop()
    {
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                _start.Wait();
                if (_stopping) return;
                try
                {
                    connection ??= _open();
                    Checkpoint(connection);
                }
                catch (Exception ex)
                {
                    // The writer's own checkpoint, next, copies the whole log instead: nothing is lost, it only waits longer.
                    _logger.LogWarning(ex, "The checkpoint thread could not copy the write-ahead log; the writer will");
                    connection?.Dispose();
                    connection = null;
                }
                _copied = true;
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private static void Checkpoint(SqliteConnection connection)
    {
        // PASSIVE never waits: SQLITE_BUSY (another checkpoint running) leaves the rest to the next one.
        var rc = raw.sqlite3_wal_checkpoint_v2(connection.Handle, null, raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _);
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_BUSY)) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }
}
