using System.Text.Json;
using System.Threading.Channels;
using ClosureBot.Outbox;
using ClosureBot.Protocol.Serialization;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage;

/// <summary>
/// The single SQLite writer. Turns queue their commits; the writer takes every commit waiting at that moment,
/// writes each under its own savepoint (one turn's conflict never undoes another's work), commits them in one
/// transaction, and only then completes each turn's task. When more than one commit is waiting (turns run
/// concurrently), it first waits <see cref="StorageOptions.CommitDelay"/> for the turns still running to join the batch,
/// as PostgreSQL's <c>commit_delay</c> does: the flush, not the writing, is the dear part of a commit. The log's
/// checkpoints are copied beside it, after a batch's turns are answered (<see cref="WalCheckpoints"/>).
/// </summary>
internal sealed class SqliteGroupCommitter : IAsyncDisposable
{
    private const int MaxBatch = 128;
    // A batch this large already shares its flush widely: the writer does not wait for more.
    private const int FullEnough = 16;
    private readonly SqliteConnection _connection;
    private readonly ConversationCache _cache;
    private readonly TimeProvider _time;
    private readonly TimeSpan _commitDelay;
    private readonly WriterMetrics _metrics;
    private readonly Func<SqliteConnection> _openCheckpointer;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <param name="openCheckpointer">Opens the connection the log's checkpoints are copied with (<see cref="WalCheckpoints"/>).</param>
    public SqliteGroupCommitter(SqliteConnection connection, Func<SqliteConnection> openCheckpointer, ConversationCache cache, TimeProvider time,
        TimeSpan commitDelay, WriterMetrics metrics, ILogger logger)
    {
        _openCheckpointer = openCheckpointer;
        _logger = logger;
        _metrics = metrics;
        _connection = connection;
        _cache = cache;
        _time = time;
        _commitDelay = commitDelay;
        _writer = Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public bool IsRunning => !_writer.IsCompleted;

    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        var pending = new Pending(commit, null, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The store is shutting down.");
        // The commit is not abandoned when the request is: the turn's work lands even if the caller went away.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A write that is not a turn (outbox bookkeeping), run under its own savepoint in the next group transaction, so
    /// it shares that transaction's flush. Returns what <paramref name="work"/> returns (rows changed).
    /// </summary>
    public Task<int> WriteAsync(Func<SqliteTransaction, int> work, CancellationToken cancellationToken)
    {
        var pending = new Pending(null, work, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The store is shutting down.");
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        using var statements = new Statements(_connection, _time);
        using var checkpoints = new WalCheckpoints(_connection, _openCheckpointer, _logger);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            Drain(batch);
            if (batch.Count is > 1 and < FullEnough && _commitDelay > TimeSpan.Zero)
            {
                // Real time, not the app's clock: this paces the disk, it is not a time anything records.
                await Task.Delay(_commitDelay).ConfigureAwait(false);
                Drain(batch);
            }
            var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            WriteBatch(batch, statements);
            _metrics.Batch("sqlite", batch.Count, startedAt);
            checkpoints.AfterBatch();
        }
    }

    private void Drain(List<Pending> batch)
    {
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
    }

    private void WriteBatch(List<Pending> batch, Statements statements)
    {
        var outcomes = new Exception?[batch.Count];
        var results = new int[batch.Count];
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            statements.Bind(transaction);
            for (var i = 0; i < batch.Count; i++)
            {
                statements.Savepoint.Execute();
                try
                {
                    if (batch[i].Commit is { } commit) statements.Write(commit);
                    else results[i] = batch[i].Work!(transaction);
                    statements.Release.Execute();
                }
                catch (Exception ex) when (batch[i].Commit is null
                    || ex is ConcurrencyConflictException or DuplicateActivityException or SqliteException { SqliteErrorCode: 19 })
                {
                    // A failed bookkeeping write fails alone; it never takes the turns of its batch down with it.
                    statements.Rollback.Execute();
                    statements.Release.Execute();
                    outcomes[i] = batch[i].Commit is null || ex is ConcurrencyConflictException or DuplicateActivityException
                        ? ex : new ConcurrencyConflictException(ex.Message);
                }
            }
            transaction.Commit();
        }
        catch (Exception ex)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Commit is { } commit) _cache.Remove(commit.ConversationKey);
                batch[i].Done.TrySetException(ex);
            }
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var commit = batch[i].Commit;
            if (commit is null)
            {
                if (outcomes[i] is { } failure) batch[i].Done.TrySetException(failure);
                else batch[i].Done.TrySetResult(results[i]);
            }
            else if (outcomes[i] is { } conflict)
            {
                _cache.Remove(commit.ConversationKey);
                batch[i].Done.TrySetException(conflict);
            }
            else
            {
                if (commit.KeepCached)
                    _cache.Set(new StoredConversation(commit.ConversationKey, commit.NewETag, commit.State, commit.Parsed));
                else
                    _cache.Remove(commit.ConversationKey);
                batch[i].Done.TrySetResult(0);
            }
        }
    }

    /// <summary>A turn's commit, or (with a null commit) other work for the same transaction.</summary>
    private sealed record Pending(TurnCommit? Commit, Func<SqliteTransaction, int>? Work, TaskCompletionSource<int> Done);

    /// <summary>
    /// Prepared statements reused for every batch. Those every turn runs go through SQLite's own API
    /// (<see cref="SqliteStatement"/>); the handoff's and the bookkeeping's keep Microsoft.Data.Sqlite's commands.
    /// </summary>
    private sealed class Statements : IDisposable
    {
        private readonly SqliteStatement[] _all;
        private readonly OutboxStatements _outbox;
        private readonly HandoffStatements _handoff;
        private readonly TimeProvider _time;
        private string _now = "";
        public readonly SqliteStatement Savepoint, Release, Rollback, Insert, Update, SaveProgress, DeleteProgress, InsertRequest, InsertRequester, InsertAudit;

        public Statements(SqliteConnection c, TimeProvider time)
        {
            _time = time;
            Savepoint = new(c, "SAVEPOINT turn");
            Release = new(c, "RELEASE turn");
            Rollback = new(c, "ROLLBACK TO turn");
            Insert = new(c, "INSERT INTO conversations (key, etag, state, updated_at) VALUES ($key, $etag, CAST($state AS TEXT), $now) ON CONFLICT (key) DO NOTHING");
            Update = new(c, "UPDATE conversations SET etag = $etag, state = CAST($state AS TEXT), updated_at = $now WHERE key = $key AND etag = $expected");
            SaveProgress = new(c, """
                INSERT INTO user_progress (user_key, conversation_id, state, saved_at) VALUES ($key, $conversation, $state, $now)
                ON CONFLICT (user_key) DO UPDATE SET conversation_id = excluded.conversation_id, state = excluded.state, saved_at = excluded.saved_at
                """);
            DeleteProgress = new(c, "DELETE FROM user_progress WHERE user_key = $key");
            InsertRequest = new(c, """
                INSERT INTO closure_requests (reference, account_alias, status, requester_channel, requester_id, requester_name,
                    requester_verified, conversation_id, created_at, remaining, term_commitment, data_retrieval_acknowledged)
                VALUES ($reference, $alias, $status, $channel, $user, $name, $verified, $conversation, $created, $remaining, $term, $data)
                """);
            InsertRequester = new(c, """
                INSERT INTO closure_request_requesters (reference, requester_channel, requester_id, requester_name, requester_verified,
                    conversation_id, requested_at)
                VALUES ($reference, $channel, $user, $name, $verified, $conversation, $at)
                """);
            InsertAudit = new(c, """
                INSERT INTO audit_events (at, kind, account_alias, actor_channel, actor_id, actor_name, actor_verified, conversation_id, detail)
                VALUES ($at, $kind, $alias, $channel, $user, $name, $verified, $conversation, $detail)
                """);
            _all = [Savepoint, Release, Rollback, Insert, Update, SaveProgress, DeleteProgress, InsertRequest, InsertRequester, InsertAudit];
            _outbox = new OutboxStatements(c);
            _handoff = new HandoffStatements(c);
        }

        public void Bind(SqliteTransaction transaction)
        {
            // The app's clock, so the retention job's ages and the tests' fake clock agree with what was written; read
            // once a batch, as the batch's turns are written together.
            _now = _time.GetUtcNow().ToString("O");
            _handoff.Bind(transaction);
        }

        public void Write(TurnCommit commit)
        {
            var now = _now;
            var statement = commit.ExpectedETag is null ? Insert : Update;
            statement.Text("$key", commit.ConversationKey);
            statement.Text("$etag", commit.NewETag);
            statement.Blob("$state", commit.State);
            statement.Text("$now", now);
            if (commit.ExpectedETag is not null) statement.Text("$expected", commit.ExpectedETag);
            if (statement.Execute() != 1)
                throw new ConcurrencyConflictException($"Conversation {commit.ConversationKey} was changed by another turn.");
            // Right after the conversation row (its rowid keys the outbox row). A redelivered activity is turned away
            // here, and the savepoint undoes the conversation write.
            if (commit.Replies is { } replies) _outbox.Insert(replies);

            if (commit.SaveProgress is { } p)
            {
                SaveProgress.Text("$key", p.UserKey);
                SaveProgress.Text("$conversation", p.ConversationId);
                SaveProgress.Text("$state", p.Json);
                SaveProgress.Text("$now", p.SavedAt.ToString("O"));
                SaveProgress.Execute();
            }
            if (commit.DeleteProgressFor is { } user)
            {
                DeleteProgress.Text("$key", user);
                DeleteProgress.Execute();
            }
            if (commit.ClosureRequest is { } r)
            {
                InsertRequest.Text("$reference", r.Reference);
                InsertRequest.Text("$alias", r.AccountAlias);
                InsertRequest.Text("$status", r.Status);
                Requester(InsertRequest, r.Requester);
                InsertRequest.Text("$conversation", r.ConversationId);
                InsertRequest.Text("$created", r.CreatedAt.ToString("O"));
                InsertRequest.Text("$remaining", JsonSerializer.Serialize(r.RemainingResources, ProtocolJson.Options));
                InsertRequest.Integer("$term", r.HasTermCommitment ? 1 : 0);
                InsertRequest.Integer("$data", r.DataRetrievalAcknowledged ? 1 : 0);
                InsertRequest.Execute();
            }
            if (commit.AdditionalRequester is { } a)
            {
                InsertRequester.Text("$reference", a.Reference);
                Requester(InsertRequester, a.Requester);
                InsertRequester.Text("$conversation", a.ConversationId);
                InsertRequester.Text("$at", a.RequestedAt.ToString("O"));
                InsertRequester.Execute();
            }
            foreach (var write in commit.Handoff) _handoff.Write(write, _time.GetUtcNow());
            foreach (var e in commit.Audit)
            {
                InsertAudit.Text("$at", e.At.ToString("O"));
                InsertAudit.Text("$kind", e.Kind);
                InsertAudit.Text("$alias", e.AccountAlias);
                InsertAudit.Text("$channel", e.Actor.ChannelId);
                InsertAudit.Text("$user", e.Actor.UserId);
                InsertAudit.Text("$name", e.Actor.Name);
                InsertAudit.Integer("$verified", e.Actor.Verified ? 1 : 0);
                InsertAudit.Text("$conversation", e.ConversationId);
                InsertAudit.Text("$detail", e.Detail);
                InsertAudit.Execute();
            }
        }

        public void Dispose()
        {
            foreach (var statement in _all) statement.Dispose();
            _outbox.Dispose();
            _handoff.Dispose();
        }

        private static void Requester(SqliteStatement statement, ClosureBot.Closure.Requester requester)
        {
            statement.Text("$channel", requester.ChannelId);
            statement.Text("$user", requester.UserId);
            statement.Text("$name", requester.Name);
            statement.Integer("$verified", requester.Verified ? 1 : 0);
        }
    }
}
