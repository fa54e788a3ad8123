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
/// as PostgreSQL's <c>commit_delay</c> does: the flush, not the writing, is the dear part of a commit.
/// </summary>
/// <remarks>
/// With a <see cref="WalFlush"/> the flush is not the writer's: SQLite commits without syncing (<c>synchronous =
/// NORMAL</c>), and a second loop flushes the write-ahead log to disk and only then completes the turns of every batch
/// committed before that flush began. Meanwhile the writer writes the turns that arrive into the next transaction and
/// commits it when the flush ends, so a flush (about a millisecond on a virtual disk) no longer adds to the writing: the
/// writer's cycle is the longer of the two, not their sum, and the turns of one cycle still share one commit. A turn is still
/// answered only once its commit is on disk: the log is append-only and its frames are checksummed in sequence, so a
/// flush that covers a commit covers every commit before it. A flush that fails stops the store (every later commit
/// fails, and the health check says so), as PostgreSQL does, since the kernel may have dropped the pages it could not
/// write.
/// </remarks>
internal sealed class SqliteGroupCommitter : IAsyncDisposable
{
    private const int MaxBatch = 128;
    // A batch this large already shares its flush widely: the writer does not wait for more.
    private const int FullEnough = 16;
    private readonly SqliteConnection _connection;
    private readonly ConversationCache _cache;
    private readonly TimeProvider _time;
    private readonly TimeSpan _commitDelay;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly WalFlush? _flush;
    // Batches committed and waiting for the flush that makes them durable (only with a WalFlush).
    private readonly Channel<Committed>? _committed;
    private readonly Task? _flusher;
    private volatile Exception? _flushFailure;

    public SqliteGroupCommitter(SqliteConnection connection, ConversationCache cache, TimeProvider time, TimeSpan commitDelay, WalFlush? flush = null)
    {
        _connection = connection;
        _cache = cache;
        _time = time;
        _commitDelay = commitDelay;
        _flush = flush;
        if (flush is not null)
        {
            _committed = Channel.CreateUnbounded<Committed>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            _flusher = Task.Factory.StartNew(FlushLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
        _writer = Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public bool FlushesBesideTheWriter => _flush is not null;

    public bool IsRunning => !_writer.IsCompleted && _flushFailure is null && _flusher?.IsCompleted != true;

    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        if (_flushFailure is { } failure) return Task.FromException(Stopped(failure));
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
        if (_flushFailure is { } failure) return Task.FromException<int>(Stopped(failure));
        var pending = new Pending(null, work, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The store is shutting down.");
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_flusher is not null)
        {
            _committed!.Writer.TryComplete();
            await _flusher.ConfigureAwait(false);
            _flush!.Dispose();
        }
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task FlushLoopAsync()
    {
        var waiting = new List<Committed>();
        var reader = _committed!.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Everything queued here was committed before this flush begins, so the flush makes all of it durable.
            waiting.Clear();
            while (reader.TryRead(out var batch)) waiting.Add(batch);
            if (_flushFailure is null)
            {
                try
                {
                    _flush!.Flush();
                }
                catch (Exception ex)
                {
                    _flushFailure = ex;
                }
            }
            foreach (var batch in waiting)
            {
                if (_flushFailure is { } failure) batch.Fail(Stopped(failure), _cache);
                else batch.Complete();
            }
            // The writer commits what it wrote meanwhile (and a stopped store fails it).
            _queue.Writer.TryWrite(FlushDone);
        }
    }

    private static InvalidOperationException Stopped(Exception failure) =>
        new($"The store stopped: its write-ahead log could not be flushed to disk ({failure.Message}).", failure);

    /// <summary>
    /// Writes each queued commit into an open transaction as it arrives and commits that transaction when the disk is
    /// free: at once without a <see cref="WalFlush"/>; with one, when the last flush has finished, so the turns that
    /// arrive during a flush are written meanwhile and then share one commit and the next flush.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var open = new OpenBatch();
        var flushing = false;
        using var statements = new Statements(_connection, _time);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            flushing &= !Drain(open, statements);
            if (open.Count == 0 || (flushing && open.Count < MaxBatch)) continue;
            if (open.Count is > 1 and < FullEnough && _commitDelay > TimeSpan.Zero)
            {
                // Real time, not the app's clock: this paces the disk, it is not a time anything records.
                await Task.Delay(_commitDelay).ConfigureAwait(false);
                flushing &= !Drain(open, statements);
            }
            Commit(open);
            flushing = _committed is not null;
        }
        // Shutting down: what was written still lands (the flush loop is stopped after this one).
        if (open.Count > 0) Commit(open);
    }

    /// <summary>Writes every commit waiting now (up to a full batch); true when a flush finished meanwhile.</summary>
    private bool Drain(OpenBatch open, Statements statements)
    {
        var flushed = false;
        while (open.Count < MaxBatch && _queue.Reader.TryRead(out var item))
        {
            if (ReferenceEquals(item, FlushDone)) flushed = true;
            else Write(open, item, statements);
        }
        return flushed;
    }

    private void Write(OpenBatch open, Pending pending, Statements statements)
    {
        if (open.Transaction is null)
        {
            try
            {
                open.Transaction = _connection.BeginTransaction(deferred: false);
                statements.Bind(open.Transaction);
            }
            catch (Exception ex)
            {
                open.Transaction?.Dispose();
                open.Transaction = null;
                Fail(pending, ex);
                return;
            }
        }
        Exception? outcome = null;
        var result = 0;
        try
        {
            statements.Savepoint.ExecuteNonQuery();
            try
            {
                if (pending.Commit is { } commit) statements.Write(commit);
                else result = pending.Work!(open.Transaction);
                statements.Release.ExecuteNonQuery();
            }
            catch (Exception ex) when (pending.Commit is null
                || ex is ConcurrencyConflictException or DuplicateActivityException or SqliteException { SqliteErrorCode: 19 })
            {
                // A failed bookkeeping write fails alone; it never takes the turns of its batch down with it.
                statements.Rollback.ExecuteNonQuery();
                statements.Release.ExecuteNonQuery();
                outcome = pending.Commit is null || ex is ConcurrencyConflictException or DuplicateActivityException
                    ? ex : new ConcurrencyConflictException(ex.Message);
            }
        }
        catch (Exception ex)
        {
            // The transaction itself failed: everything written into it is lost, and fails.
            open.Add(pending, null, 0);
            Abandon(open, ex);
            return;
        }
        open.Add(pending, outcome, result);
    }

    private void Commit(OpenBatch open)
    {
        try
        {
            open.Transaction!.Commit();
        }
        catch (Exception ex)
        {
            Abandon(open, ex);
            return;
        }
        open.Transaction.Dispose();
        open.Transaction = null;

        var durable = new Committed(open.Items.ToArray(), open.Results.ToArray());
        for (var i = 0; i < open.Count; i++)
        {
            var pending = open.Items[i];
            if (open.Outcomes[i] is { } failure)
            {
                // A write that did not land waits for no flush.
                Fail(pending, failure);
                durable.Items[i] = null;
            }
            else if (pending.Commit is { } commit)
            {
                // The next turn of this conversation waits for this one's answer (and so for its flush) before it reads.
                if (commit.KeepCached)
                    _cache.Set(new StoredConversation(commit.ConversationKey, commit.NewETag, commit.State, commit.Parsed));
                else
                    _cache.Remove(commit.ConversationKey);
            }
        }
        open.Clear();
        if (_committed is null) durable.Complete();
        else if (_flushFailure is { } stopped) durable.Fail(Stopped(stopped), _cache);
        else _committed.Writer.TryWrite(durable);
    }

    private void Abandon(OpenBatch open, Exception failure)
    {
        try
        {
            open.Transaction?.Dispose(); // rolls back
        }
        catch (Exception)
        {
            // SQLite already rolled it back (as after a full disk or an I/O error); the turns fail either way.
        }
        open.Transaction = null;
        foreach (var pending in open.Items) Fail(pending, failure);
        open.Clear();
    }

    private void Fail(Pending pending, Exception failure)
    {
        if (pending.Commit is { } commit) _cache.Remove(commit.ConversationKey);
        pending.Done.TrySetException(failure);
    }

    /// <summary>The writes of the open transaction, with each one's outcome (a conflict or failed bookkeeping) and result.</summary>
    private sealed class OpenBatch
    {
        public SqliteTransaction? Transaction;
        public readonly List<Pending> Items = new(MaxBatch);
        public readonly List<Exception?> Outcomes = new(MaxBatch);
        public readonly List<int> Results = new(MaxBatch);

        public int Count => Items.Count;

        public void Add(Pending pending, Exception? outcome, int result)
        {
            Items.Add(pending);
            Outcomes.Add(outcome);
            Results.Add(result);
        }

        public void Clear()
        {
            Items.Clear();
            Outcomes.Clear();
            Results.Clear();
        }
    }

    /// <summary>Queued by the flush loop after each flush: the writer may commit again.</summary>
    private static readonly Pending FlushDone = new(null, null, new TaskCompletionSource<int>());

    /// <summary>A turn's commit, or (with a null commit) other work for the same transaction.</summary>
    private sealed record Pending(TurnCommit? Commit, Func<SqliteTransaction, int>? Work, TaskCompletionSource<int> Done);

    /// <summary>The writes of one committed batch (null where a write failed and was answered already) and their results.</summary>
    private sealed record Committed(Pending?[] Items, int[] Results)
    {
        public void Complete()
        {
            for (var i = 0; i < Items.Length; i++) Items[i]?.Done.TrySetResult(Results[i]);
        }

        public void Fail(Exception failure, ConversationCache cache)
        {
            foreach (var item in Items)
            {
                if (item is null) continue;
                if (item.Commit is { } commit) cache.Remove(commit.ConversationKey);
                item.Done.TrySetException(failure);
            }
        }
    }

    /// <summary>Prepared statements reused for every batch.</summary>
    private sealed class Statements : IDisposable
    {
        private readonly SqliteCommand[] _all;
        private readonly OutboxStatements _outbox;
        private readonly HandoffStatements _handoff;
        private readonly TimeProvider _time;
        public readonly SqliteCommand Savepoint, Release, Rollback, Insert, Update, SaveProgress, DeleteProgress, InsertRequest, InsertRequester, InsertAudit;

        public Statements(SqliteConnection c, TimeProvider time)
        {
            _time = time;
            Savepoint = Create(c, "SAVEPOINT turn");
            Release = Create(c, "RELEASE turn");
            Rollback = Create(c, "ROLLBACK TO turn");
            Insert = Create(c, "INSERT INTO conversations (key, etag, state, updated_at) VALUES ($key, $etag, CAST($state AS TEXT), $now) ON CONFLICT (key) DO NOTHING",
                "$key", "$etag", "$state", "$now");
            Update = Create(c, "UPDATE conversations SET etag = $etag, state = CAST($state AS TEXT), updated_at = $now WHERE key = $key AND etag = $expected",
                "$key", "$etag", "$state", "$now", "$expected");
            SaveProgress = Create(c, """
                INSERT INTO user_progress (user_key, conversation_id, state, saved_at) VALUES ($key, $conversation, $state, $now)
                ON CONFLICT (user_key) DO UPDATE SET conversation_id = excluded.conversation_id, state = excluded.state, saved_at = excluded.saved_at
                """, "$key", "$conversation", "$state", "$now");
            DeleteProgress = Create(c, "DELETE FROM user_progress WHERE user_key = $key", "$key");
            InsertRequest = Create(c, """
                INSERT INTO closure_requests (reference, account_alias, status, requester_channel, requester_id, requester_name,
                    requester_verified, conversation_id, created_at, remaining, term_commitment, data_retrieval_acknowledged)
                VALUES ($reference, $alias, $status, $channel, $user, $name, $verified, $conversation, $created, $remaining, $term, $data)
                """, "$reference", "$alias", "$status", "$channel", "$user", "$name", "$verified", "$conversation", "$created", "$remaining", "$term", "$data");
            InsertRequester = Create(c, """
                INSERT INTO closure_request_requesters (reference, requester_channel, requester_id, requester_name, requester_verified,
                    conversation_id, requested_at)
                VALUES ($reference, $channel, $user, $name, $verified, $conversation, $at)
                """, "$reference", "$channel", "$user", "$name", "$verified", "$conversation", "$at");
            InsertAudit = Create(c, """
                INSERT INTO audit_events (at, kind, account_alias, actor_channel, actor_id, actor_name, actor_verified, conversation_id, detail)
                VALUES ($at, $kind, $alias, $channel, $user, $name, $verified, $conversation, $detail)
                """, "$at", "$kind", "$alias", "$channel", "$user", "$name", "$verified", "$conversation", "$detail");
            _all = [Savepoint, Release, Rollback, Insert, Update, SaveProgress, DeleteProgress, InsertRequest, InsertRequester, InsertAudit];
            _outbox = new OutboxStatements(c);
            _handoff = new HandoffStatements(c);
        }

        public void Bind(SqliteTransaction transaction)
        {
            foreach (var command in _all) command.Transaction = transaction;
            _outbox.Bind(transaction);
            _handoff.Bind(transaction);
        }

        public void Write(TurnCommit commit)
        {
            // The app's clock, so the retention job's ages and the tests' fake clock agree with what was written.
            var now = _time.GetUtcNow().ToString("O");
            var command = commit.ExpectedETag is null ? Insert : Update;
            Set(command, "$key", commit.ConversationKey, "$etag", commit.NewETag, "$state", commit.State, "$now", now);
            if (commit.ExpectedETag is not null) command.Parameters["$expected"].Value = commit.ExpectedETag;
            if (command.ExecuteNonQuery() != 1)
                throw new ConcurrencyConflictException($"Conversation {commit.ConversationKey} was changed by another turn.");
            // Right after the conversation row (its rowid keys the outbox row). A redelivered activity is turned away
            // here, and the savepoint undoes the conversation write.
            if (commit.Replies is { } replies) _outbox.Insert(replies);

            if (commit.SaveProgress is { } p)
            {
                Set(SaveProgress, "$key", p.UserKey, "$conversation", p.ConversationId, "$state", p.Json, "$now", p.SavedAt.ToString("O"));
                SaveProgress.ExecuteNonQuery();
            }
            if (commit.DeleteProgressFor is { } user)
            {
                DeleteProgress.Parameters["$key"].Value = user;
                DeleteProgress.ExecuteNonQuery();
            }
            if (commit.ClosureRequest is { } r)
            {
                Set(InsertRequest, "$reference", r.Reference, "$alias", r.AccountAlias, "$status", r.Status, "$channel", r.Requester.ChannelId);
                Set(InsertRequest, "$user", r.Requester.UserId, "$name", (object?)r.Requester.Name ?? DBNull.Value, "$verified", r.Requester.Verified ? 1 : 0,
                    "$conversation", r.ConversationId);
                Set(InsertRequest, "$created", r.CreatedAt.ToString("O"), "$remaining", JsonSerializer.Serialize(r.RemainingResources, ProtocolJson.Options),
                    "$term", r.HasTermCommitment ? 1 : 0, "$data", r.DataRetrievalAcknowledged ? 1 : 0);
                InsertRequest.ExecuteNonQuery();
            }
            if (commit.AdditionalRequester is { } a)
            {
                Set(InsertRequester, "$reference", a.Reference, "$channel", a.Requester.ChannelId, "$user", a.Requester.UserId,
                    "$name", (object?)a.Requester.Name ?? DBNull.Value, "$verified", a.Requester.Verified ? 1 : 0,
                    "$conversation", a.ConversationId, "$at", a.RequestedAt.ToString("O"));
                InsertRequester.ExecuteNonQuery();
            }
            foreach (var write in commit.Handoff) _handoff.Write(write, _time.GetUtcNow());
            foreach (var e in commit.Audit)
            {
                Set(InsertAudit, "$at", e.At.ToString("O"), "$kind", e.Kind, "$alias", (object?)e.AccountAlias ?? DBNull.Value,
                    "$channel", e.Actor.ChannelId, "$user", e.Actor.UserId, "$name", (object?)e.Actor.Name ?? DBNull.Value,
                    "$verified", e.Actor.Verified ? 1 : 0, "$conversation", e.ConversationId, "$detail", (object?)e.Detail ?? DBNull.Value);
                InsertAudit.ExecuteNonQuery();
            }
        }

        public void Dispose()
        {
            foreach (var command in _all) command.Dispose();
            _outbox.Dispose();
            _handoff.Dispose();
        }

        private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, null));
            return command;
        }

        private static void Set(SqliteCommand command, params object[] pairs)
        {
            for (var i = 0; i < pairs.Length; i += 2) command.Parameters[(string)pairs[i]].Value = pairs[i + 1];
        }
    }
}
