namespace ClosureBot.Storage;

/// <summary>
/// The SQL of the shared sign-in lock-out, the same on SQLite and PostgreSQL (positional parameters <c>$1…</c>; times in
/// Unix milliseconds). <see cref="RecordFailure"/> is one upsert, so failures counted through two instances at once
/// are both counted.
/// </summary>
internal static class SignInFailureStatements
{
    public const string SqliteSchema = """
        CREATE TABLE IF NOT EXISTS agent_signin_failures (
            user_name TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until INTEGER,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS agent_signin_failures_by_age ON agent_signin_failures (updated_at);
        """;

    /// <summary>$1 name, $2 now.</summary>
    public const string LockedUntil = "SELECT locked_until FROM agent_signin_failures WHERE user_name = $1 AND locked_until > $2";

    // Counting from the row as it was: a name whose lock-out has ended starts again from zero.
    private const string Counted = "(CASE WHEN f.locked_until IS NULL THEN f.failures ELSE 0 END) + 1";

    /// <summary>$1 name, $2 now, $3 limit, $4 duration.</summary>
    public const string RecordFailure = $"""
        INSERT INTO agent_signin_failures AS f (user_name, failures, locked_until, updated_at)
        VALUES ($1, CASE WHEN $3 <= 1 THEN 0 ELSE 1 END, CASE WHEN $3 <= 1 THEN $2 + $4 END, $2)
        ON CONFLICT (user_name) DO UPDATE SET
            failures = CASE WHEN f.locked_until > $2 THEN f.failures WHEN {Counted} >= $3 THEN 0 ELSE {Counted} END,
            locked_until = CASE WHEN f.locked_until > $2 THEN f.locked_until WHEN {Counted} >= $3 THEN $2 + $4 END,
            updated_at = $2
        RETURNING locked_until
        """;

    /// <summary>$1 name.</summary>
    public const string Clear = "DELETE FROM agent_signin_failures WHERE user_name = $1";

    /// <summary>$1 cutoff: rows untouched since then, not locked (bounds the table a name-guessing client could grow).</summary>
    public const string Prune = "DELETE FROM agent_signin_failures WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until < $1)";
}
