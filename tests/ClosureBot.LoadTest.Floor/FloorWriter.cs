using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ClosureBot.LoadTest.Floor;

/// <summary>
/// One writer on one SQLite connection that commits the turns queued together in one transaction (group commit), with
/// the write-ahead log flushed at each commit, and answers each turn once its commit is durable, as ClosureBot's writer
/// does, without its savepoints, indexes and other tables. SQLite's own automatic checkpoint copies the log back.
/// </summary>
internal sealed class FloorWriter : IAsyncDisposable
{
    private const int MaxBatch = 64;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly Task _loop;

    public FloorWriter(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = """
                PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
                CREATE TABLE IF NOT EXISTS conversations (key TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS outbox (conversation_key TEXT NOT NULL, replies BLOB NOT NULL, created_at INTEGER NOT NULL);
                """;
            command.ExecuteNonQuery();
        }
        _loop = Task.Run(WriteLoopAsync);
    }

    public Task CommitAsync(string conversationKey, string state, byte[] replies)
    {
        var pending = new Pending(conversationKey, state, replies, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The floor is stopping.");
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await _connection.DisposeAsync();
    }

    private async Task WriteLoopAsync()
    {
        using var upsert = Command("""
            INSERT INTO conversations (key, state, updated_at) VALUES ($key, $state, $now)
            ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """, "$key", "$state", "$now");
        using var outbox = Command("INSERT INTO outbox (conversation_key, replies, created_at) VALUES ($key, $replies, $now)", "$key", "$replies", "$now");
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: false);
                upsert.Transaction = outbox.Transaction = transaction;
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                foreach (var turn in batch)
                {
                    upsert.Parameters[0].Value = turn.ConversationKey;
                    upsert.Parameters[1].Value = turn.State;
                    upsert.Parameters[2].Value = now;
                    upsert.ExecuteNonQuery();
                    outbox.Parameters[0].Value = turn.ConversationKey;
                    outbox.Parameters[1].Value = turn.Replies;
                    outbox.Parameters[2].Value = now;
                    outbox.ExecuteNonQuery();
                }
                transaction.Commit();
                foreach (var turn in batch) turn.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                foreach (var turn in batch) turn.Done.TrySetException(ex);
            }
        }
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }

    private sealed record Pending(string ConversationKey, string State, byte[] Replies, TaskCompletionSource Done);
}
