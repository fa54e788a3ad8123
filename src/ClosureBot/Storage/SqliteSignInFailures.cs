using ClosureBot.Handoff.AgentConsole;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage;

/// <summary>The agent console's failed sign-ins in the app's SQLite file (see <see cref="SignInFailureStatements"/>).</summary>
public sealed class SqliteSignInFailures : ISignInFailures
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private readonly SqliteDatabase _database;

    public SqliteSignInFailures(SqliteDatabase database)
    {
        _database = database;
        database.EnsureSchema(SignInFailureStatements.SqliteSchema);
    }

    public async Task<long?> LockedUntilAsync(string userKey, long now, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open(forWriting: false);
        var found = await ScalarAsync(connection, SignInFailureStatements.LockedUntil, cancellationToken, userKey, now);
        return found is long until ? until : null;
    }

    public async Task<long?> RecordFailureAsync(string userKey, long now, int limit, long duration, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await ScalarAsync(connection, SignInFailureStatements.Prune, cancellationToken, now - (long)KeepFor.TotalMilliseconds);
        var until = await ScalarAsync(connection, SignInFailureStatements.RecordFailure, cancellationToken, userKey, now, limit, duration);
        return until is long locked && locked > now ? locked : null;
    }

    public async Task ClearAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await ScalarAsync(connection, SignInFailureStatements.Clear, cancellationToken, userKey);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue($"${i + 1}", values[i]);
        return await command.ExecuteScalarAsync(ct);
    }
}
