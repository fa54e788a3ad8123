using ClosureBot.Outbox;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage;

/// <summary>The outbox table, and the prepared insert of a turn's replies that runs inside the turn's savepoint (on the writer's connection).</summary>
internal sealed class OutboxStatements : IDisposable
{
    /// <summary>
    /// A turn's row is found by its conversation's rowid first, not by the conversation's key. Rowids are handed out in
    /// the order conversations start, and the conversations talking at any moment are mostly recent ones, so a group
    /// commit's inserts land on the same few index pages at the end of the index; keyed by the (random) conversation
    /// key, every turn dirtied a page of its own, and each such page is written to the WAL and flushed (measured: about
    /// 40 µs a turn at 32 customers). The key is kept in the index, so a rowid reused after a conversation was deleted
    /// never matches another conversation's rows.
    /// </summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS outbox (
            conversation_key TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            conversation_rowid INTEGER NOT NULL,
            replies BLOB NOT NULL,
            reply_count INTEGER NOT NULL,
            delivered INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            next_attempt_at INTEGER);
        CREATE UNIQUE INDEX IF NOT EXISTS outbox_by_turn ON outbox (conversation_rowid, activity_id, conversation_key);
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
        """;

    /// <summary>The condition that finds one turn's row by <c>$key</c> and <c>$activity</c> through <c>outbox_by_turn</c>.</summary>
    public const string MatchesTurn =
        "conversation_rowid = (SELECT rowid FROM conversations WHERE key = $key) AND activity_id = $activity AND conversation_key = $key";

    /// <summary>
    /// Creates the outbox, first rebuilding one of the earlier shape (keyed by conversation key and activity id) with its
    /// rows. Rows of conversations that no longer exist are dropped: nothing can be redelivered to them.
    /// </summary>
    public static void EnsureSchema(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM pragma_table_info('outbox')";
        var columns = Convert.ToInt64(command.ExecuteScalar());
        command.CommandText = "SELECT count(*) FROM pragma_table_info('outbox') WHERE name = 'conversation_rowid'";
        if (columns > 0 && Convert.ToInt64(command.ExecuteScalar()) == 0)
        {
            command.CommandText = "ALTER TABLE outbox RENAME TO outbox_keyed_by_conversation_key; DROP INDEX IF EXISTS outbox_due;";
            command.ExecuteNonQuery();
            command.CommandText = Schema + """
                INSERT INTO outbox (conversation_key, activity_id, conversation_rowid, replies, reply_count, delivered, attempts, created_at,
                    next_attempt_at)
                SELECT o.conversation_key, o.activity_id, c.rowid, o.replies, o.reply_count, o.delivered, o.attempts, o.created_at, o.next_attempt_at
                FROM outbox_keyed_by_conversation_key o JOIN conversations c ON c.key = o.conversation_key ORDER BY o.rowid;
                DROP TABLE outbox_keyed_by_conversation_key;
                """;
        }
        else
        {
            command.CommandText = Schema;
        }
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    private readonly SqliteStatement _insert;

    public OutboxStatements(SqliteConnection connection)
    {
        // The unique index is the duplicate check: a second turn for the same activity inserts nothing. Runs after the
        // turn's conversation row is written, so a new conversation has its rowid.
        _insert = new SqliteStatement(connection, """
            INSERT INTO outbox (conversation_key, activity_id, conversation_rowid, replies, reply_count, created_at, next_attempt_at)
            VALUES ($key, $activity, (SELECT rowid FROM conversations WHERE key = $key), $replies, $count, $created, $next)
            ON CONFLICT DO NOTHING
            """);
    }

    /// <summary>Stores the turn's replies; throws <see cref="DuplicateActivityException"/> when the activity already has its row.</summary>
    public void Insert(OutboxEntry entry)
    {
        _insert.Text("$key", entry.ConversationKey);
        _insert.Text("$activity", entry.ActivityId);
        _insert.Blob("$replies", entry.Replies);
        _insert.Integer("$count", entry.ReplyCount);
        _insert.Integer("$created", entry.CreatedAt.ToUnixTimeMilliseconds());
        _insert.Integer("$next", entry.NextAttemptAt?.ToUnixTimeMilliseconds());
        if (_insert.Execute() != 1) throw new DuplicateActivityException(entry.ConversationKey, entry.ActivityId);
    }

    public void Dispose() => _insert.Dispose();
}
