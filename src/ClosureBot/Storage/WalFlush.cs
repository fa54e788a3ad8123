using Microsoft.Data.Sqlite;
using Microsoft.Win32.SafeHandles;

namespace ClosureBot.Storage;

/// <summary>
/// Flushes an SQLite database's write-ahead log to disk through a handle of its own (<c>fsync</c>), so the group
/// committer can make its commits durable outside SQLite's write lock (see <see cref="SqliteGroupCommitter"/>).
/// </summary>
/// <remarks>
/// A flush of any handle of a file writes all of that file's dirty pages. The handle stays valid because the writer's
/// connection keeps the database open for the committer's whole life, and SQLite deletes or recreates its log only when
/// the last connection closes (a checkpoint resets or truncates it in place, and syncs the log's new header itself).
/// </remarks>
internal class WalFlush : IDisposable
{
    private readonly SafeFileHandle? _log;

    protected WalFlush() { }

    private WalFlush(SafeFileHandle log) => _log = log;

    /// <summary>Writes the log's pages to disk; throws when the disk refused them.</summary>
    public virtual void Flush() => RandomAccess.FlushToDisk(_log!);

    public virtual void Dispose() => _log?.Dispose();

    /// <summary>
    /// A flush for the database <paramref name="writer"/> is open on, when it keeps a write-ahead log in a file, and the
    /// writer switched to <c>synchronous = NORMAL</c> (commits not synced by SQLite); null otherwise (an in-memory
    /// database, or another journal mode), and the writer keeps its <c>synchronous</c> setting.
    /// </summary>
    public static WalFlush? For(SqliteConnection writer)
    {
        using var command = writer.CreateCommand();
        // A read opens the database's log (creating it in WAL mode) for as long as this connection stays open.
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        command.ExecuteScalar();
        command.CommandText = "PRAGMA journal_mode";
        if (!string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase)) return null;
        if (string.IsNullOrEmpty(writer.DataSource)) return null;
        var log = writer.DataSource + "-wal";
        if (!File.Exists(log)) return null;
        var flush = new WalFlush(File.OpenHandle(log, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete));
        // From here the flush, not SQLite, makes each commit durable before it is answered.
        command.CommandText = "PRAGMA synchronous = NORMAL";
        command.ExecuteNonQuery();
        return flush;
    }
}
