using System.Threading.Channels;
using ClosureBot.Outbox;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// This instance's PostgreSQL writer, shaped like the SQLite one: turns queue their commits; the writer takes every
/// commit waiting at that moment, writes each under its own savepoint (one turn's conflict never undoes another's),
/// commits them in one transaction, and only then completes each turn's task. Other instances have writers of their
/// own; the database's row locks, ETag conditions and unique indexes decide between them. A batch the database aborts
/// as a deadlock or serialization failure (nothing of it committed) is written again.
/// </summary>
internal sealed class PostgresGroupCommitter : IAsyncDisposable
{
    private const int MaxBatch = 128;
    private const int MaxAttempts = 5;
    private readonly PostgresDatabase _database;
    private readonly ConversationCache _cache;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WriterMetrics _metrics;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public PostgresGroupCommitter(PostgresDatabase database, ConversationCache cache, TimeProvider time, ILogger logger, WriterMetrics metrics)
    {
        (_database, _cache, _time, _logger, _metrics) = (database, cache, time, logger, metrics);
        _writer = Task.Run(WriteLoopAsync);
    }

    public bool IsRunning => !_writer.IsCompleted;

    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken) => Enqueue(new Pending(commit, null), cancellationToken);

    /// <summary>A write that is not a turn (outbox bookkeeping), run under its own savepoint in the next group transaction.</summary>
    public Task<int> WriteAsync(Func<NpgsqlConnection, Task<int>> work, CancellationToken cancellationToken) =>
        Enqueue(new Pending(null, work), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private Task<int> Enqueue(Pending pending, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The store is shutting down.");
        // The commit is not abandoned when the request is: the turn's work lands even if the caller went away.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        NpgsqlConnection? connection = null;
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
            var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    connection ??= await _database.OpenAsync(CancellationToken.None);
                    var outcomes = await WriteBatchAsync(connection, batch);
                    Complete(batch, outcomes);
                    break;
                }
                catch (Exception ex)
                {
                    if (connection is { FullState: not System.Data.ConnectionState.Open })
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                    if (attempt < MaxAttempts && ex is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
                    {
                        _logger.LogWarning("A group commit of {Count} writes was aborted by the database ({SqlState}); writing it again", batch.Count,
                            ((PostgresException)ex).SqlState);
                        continue;
                    }
                    Fail(batch, ex);
                    break;
                }
            }
            _metrics.Batch("postgresql", batch.Count, startedAt);
        }
        if (connection is not null) await connection.DisposeAsync();
    }

    // Each write runs under its own savepoint, opened in the write's own round trip (with the release of the one before),
    // so a conflict undoes only that write. Npgsql's savepoint methods are not used: under inline socket completions their
    // reply was read synchronously on the socket thread that had to deliver it, and the writer hung.
    private static readonly string[] FirstSavepoint = ["SAVEPOINT turn"];
    private static readonly string[] NextSavepoint = ["RELEASE SAVEPOINT turn", "SAVEPOINT turn"];

    private async Task<(Exception? Failure, int Result)[]> WriteBatchAsync(NpgsqlConnection connection, List<Pending> batch)
    {
        var outcomes = new (Exception?, int)[batch.Count];
        await using var transaction = await connection.BeginTransactionAsync();
        // The app's clock, so the retention job's ages and the tests' fake clock agree with what was written.
        var now = _time.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            var savepoint = i == 0 ? FirstSavepoint : NextSavepoint;
            try
            {
                if (batch[i].Commit is { } commit) await PostgresTurnWriter.WriteAsync(connection, commit, now, savepoint);
                else
                {
                    await ExecuteAsync(connection, savepoint);
                    outcomes[i] = (null, await batch[i].Work!(connection));
                }
            }
            catch (Exception ex) when (batch[i].Commit is null || IsTurnConflict(ex))
            {
                // A failed bookkeeping write fails alone; it never takes the turns of its batch down with it. The savepoint
                // stays (rolled back to), and the next write releases it.
                await ExecuteAsync(connection, ["ROLLBACK TO SAVEPOINT turn"]);
                outcomes[i] = (batch[i].Commit is null || ex is ConcurrencyConflictException or DuplicateActivityException
                    ? ex : new ConcurrencyConflictException(ex.Message), 0);
            }
        }
        await transaction.CommitAsync();
        return outcomes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, IEnumerable<string> statements)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in statements) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        await batch.ExecuteNonQueryAsync();
    }

    // An integrity violation (the one-open-request index, a key) is a race another turn won; a deadlock with another
    // instance's batch is one too: rolled back to its savepoint, the turn is retried from the database by its runner.
    private static bool IsTurnConflict(Exception ex) =>
        ex is ConcurrencyConflictException or DuplicateActivityException
        || ex is PostgresException { SqlState: var state }
            && (state.StartsWith("23", StringComparison.Ordinal) || state is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure);

    private void Complete(List<Pending> batch, (Exception? Failure, int Result)[] outcomes)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var commit = batch[i].Commit;
            if (outcomes[i].Failure is { } failure)
            {
                if (commit is not null) _cache.Remove(commit.ConversationKey);
                batch[i].Done.TrySetException(failure);
                continue;
            }
            if (commit is not null)
            {
                if (commit.KeepCached) _cache.Set(new StoredConversation(commit.ConversationKey, commit.NewETag, commit.State, commit.Parsed));
                else _cache.Remove(commit.ConversationKey);
            }
            batch[i].Done.TrySetResult(outcomes[i].Result);
        }
    }

    private void Fail(List<Pending> batch, Exception ex)
    {
        foreach (var pending in batch)
        {
            if (pending.Commit is { } commit) _cache.Remove(commit.ConversationKey);
            pending.Done.TrySetException(ex);
        }
    }

    /// <summary>A turn's commit, or (with a null commit) other work for the same transaction.</summary>
    private sealed record Pending(TurnCommit? Commit, Func<NpgsqlConnection, Task<int>>? Work)
    {
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
