using ClosureBot.Handoff.AgentConsole;
using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// The agent console's failed sign-ins in PostgreSQL (see <see cref="SignInFailureStatements"/>): every instance counts
/// into the same row, so five failures spread over the instances lock the name out on all of them.
/// </summary>
public sealed class PostgresSignInFailures(PostgresDatabase database) : ISignInFailures
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    public async Task<long?> LockedUntilAsync(string userKey, long now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ScalarAsync(connection, SignInFailureStatements.LockedUntil, cancellationToken, userKey, now) as long?;
    }

    public async Task<long?> RecordFailureAsync(string userKey, long now, int limit, long duration, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ScalarAsync(connection, SignInFailureStatements.Prune, cancellationToken, now - (long)KeepFor.TotalMilliseconds);
        var until = await ScalarAsync(connection, SignInFailureStatements.RecordFailure, cancellationToken, userKey, now, limit, duration);
        return until is long locked && locked > now ? locked : null;
    }

    public async Task ClearAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ScalarAsync(connection, SignInFailureStatements.Clear, cancellationToken, userKey);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = PostgresDatabase.Command(connection, sql, values);
        var result = await command.ExecuteScalarAsync(ct);
        return result is DBNull ? null : result;
    }
}
