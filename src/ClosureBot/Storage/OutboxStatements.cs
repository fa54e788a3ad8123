using ClosureBot.Outbox;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage;

/// <summary>The outbox table, and the prepared insert of a turn's replies that runs inside the turn's savepoint.</summary>
internal sealed class OutboxStatements : IDisposable
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS outbox (
            conversation_key TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            replies BLOB NOT NULL,
            reply_count INTEGER NOT NULL,
            delivered INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            next_attempt_at INTEGER,
            PRIMARY KEY (conversation_key, activity_id));
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
        """;

    private readonly SqliteCommand _insert;

    public OutboxStatements(SqliteConnection connection)
    {
        _insert = connection.CreateCommand();
        // The primary key is the duplicate check: a second turn for the same activity inserts nothing.
        _insert.CommandText = """
            INSERT INTO outbox (conversation_key, activity_id, replies, reply_count, created_at, next_attempt_at)
            VALUES ($key, $activity, $replies, $count, $created, $next) ON CONFLICT DO NOTHING
            """;
        foreach (var name in new[] { "$key", "$activity", "$replies", "$count", "$created", "$next" })
            _insert.Parameters.Add(new SqliteParameter(name, null));
    }

    public void Bind(SqliteTransaction transaction) => _insert.Transaction = transaction;

    /// <summary>Stores the turn's replies; throws <see cref="DuplicateActivityException"/> when the activity already has its row.</summary>
    public void Insert(OutboxEntry entry)
    {
        var p = _insert.Parameters;
        p["$key"].Value = entry.ConversationKey;
        p["$activity"].Value = entry.ActivityId;
        p["$replies"].Value = entry.Replies;
        p["$count"].Value = entry.ReplyCount;
        p["$created"].Value = entry.CreatedAt.ToUnixTimeMilliseconds();
        p["$next"].Value = (object?)entry.NextAttemptAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        if (_insert.ExecuteNonQuery() != 1) throw new DuplicateActivityException(entry.ConversationKey, entry.ActivityId);
    }

    public void Dispose() => _insert.Dispose();
}
