using Npgsql;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as numbered migrations. At start each instance takes an advisory lock (so instances starting
/// together migrate one after the other), reads <c>schema_version</c>, applies the migrations it lacks, each in its own
/// transaction with the version row, and refuses to run on a database migrated by a newer build.
/// </summary>
internal static class PostgresSchema
{
    // Any fixed 64-bit number, the same in every build: the lock the migrating instance holds.
    private const long MigrationLock = 0x436C6F7375726542;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE conversations (
            key text PRIMARY KEY,
            etag text NOT NULL,
            state text NOT NULL,
            updated_at timestamptz NOT NULL);
        CREATE TABLE user_progress (
            user_key text PRIMARY KEY,
            conversation_id text NOT NULL,
            state text NOT NULL,
            saved_at timestamptz NOT NULL);
        CREATE TABLE closure_requests (
            reference text PRIMARY KEY,
            account_alias text NOT NULL,
            status text NOT NULL,
            requester_channel text NOT NULL,
            requester_id text NOT NULL,
            requester_name text,
            requester_verified boolean NOT NULL,
            conversation_id text NOT NULL,
            created_at timestamptz NOT NULL,
            remaining text NOT NULL,
            term_commitment boolean NOT NULL,
            data_retrieval_acknowledged boolean NOT NULL);
        CREATE UNIQUE INDEX closure_requests_one_open_per_account ON closure_requests (account_alias) WHERE status = 'Open';
        CREATE TABLE closure_request_requesters (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            reference text NOT NULL REFERENCES closure_requests (reference),
            requester_channel text NOT NULL,
            requester_id text NOT NULL,
            requester_name text,
            requester_verified boolean NOT NULL,
            conversation_id text NOT NULL,
            requested_at timestamptz NOT NULL);
        CREATE INDEX closure_request_requesters_by_reference ON closure_request_requesters (reference);
        CREATE TABLE audit_events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            kind text NOT NULL,
            account_alias text,
            actor_channel text NOT NULL,
            actor_id text NOT NULL,
            actor_name text,
            actor_verified boolean NOT NULL,
            conversation_id text NOT NULL,
            detail text);
        CREATE TABLE outbox (
            conversation_key text NOT NULL,
            activity_id text NOT NULL,
            replies bytea NOT NULL,
            reply_count integer NOT NULL,
            delivered integer NOT NULL DEFAULT 0,
            attempts integer NOT NULL DEFAULT 0,
            created_at bigint NOT NULL,
            next_attempt_at bigint,
            PRIMARY KEY (conversation_key, activity_id));
        CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
        CREATE INDEX outbox_by_age ON outbox (created_at);
        CREATE TABLE directline_conversations (
            row_id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            user_id text NOT NULL,
            user_name text,
            locale text,
            started boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL);
        CREATE TABLE directline_activities (
            conversation_id text NOT NULL,
            seq bigint NOT NULL,
            json text NOT NULL,
            PRIMARY KEY (conversation_id, seq));
        CREATE TABLE directline_sequences (
            conversation_id text PRIMARY KEY,
            last_seq bigint NOT NULL);
        CREATE TABLE directline_settings (
            name text PRIMARY KEY,
            value text NOT NULL);
        CREATE TABLE teams_conversations (
            key text PRIMARY KEY,
            reference text NOT NULL,
            updated_at bigint NOT NULL);
        CREATE TABLE teams_open_cards (
            id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            conversation_key text NOT NULL,
            activity_id text NOT NULL,
            activity text NOT NULL,
            created_at bigint NOT NULL,
            PRIMARY KEY (conversation_key, activity_id));
        -- The length of a conversation state's dialog stack, or NULL when the state is not JSON of that shape (as SQLite's
        -- json_valid guard): the retention job tells finished conversations from those left mid-dialog with it.
        CREATE FUNCTION closurebot_stack_length(state text) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            RETURN jsonb_array_length((state::jsonb) -> 'dialog' -> 'stack');
        EXCEPTION WHEN others THEN
            RETURN NULL;
        END $$;
        """,
        """
        CREATE TABLE handoff_tickets (
            row_id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            conversation_key text NOT NULL,
            conversation_id text NOT NULL,
            queue text NOT NULL,
            reason text NOT NULL,
            channel_id text NOT NULL,
            account_alias text,
            verified boolean NOT NULL,
            screen text,
            status text NOT NULL,
            requested_at timestamptz NOT NULL,
            agent_user text,
            agent_name text,
            left_message boolean NOT NULL DEFAULT false,
            reference text NOT NULL,
            ending text,
            decision text,
            updated_at timestamptz NOT NULL);
        CREATE UNIQUE INDEX handoff_tickets_one_open_per_conversation ON handoff_tickets (conversation_key) WHERE status <> 'Ended';
        CREATE INDEX handoff_tickets_open ON handoff_tickets (status, queue, requested_at);
        CREATE TABLE handoff_messages (
            row_id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            ticket_id text NOT NULL REFERENCES handoff_tickets (id),
            sender text NOT NULL,
            author text,
            text text NOT NULL,
            at timestamptz NOT NULL);
        CREATE INDEX handoff_messages_by_ticket ON handoff_messages (ticket_id, at);
        """,
        """
        CREATE TABLE dataprotection_keys (
            name text PRIMARY KEY,
            xml text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE agent_signin_failures (
            user_name text PRIMARY KEY,
            failures integer NOT NULL,
            locked_until bigint,
            updated_at bigint NOT NULL);
        CREATE INDEX agent_signin_failures_by_age ON agent_signin_failures (updated_at);
        CREATE INDEX handoff_tickets_ended ON handoff_tickets (updated_at) WHERE status = 'Ended';
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Version => Migrations.Length;

    /// <summary>Brings the database to <see cref="Version"/> (or to <paramref name="target"/>, for tests of older databases); returns it.</summary>
    public static int Migrate(NpgsqlDataSource dataSource, int? target = null)
    {
        var version = target ?? Version;
        using var connection = dataSource.OpenConnection();
        Execute(connection, null, "SELECT pg_advisory_lock($1)", MigrationLock);
        try
        {
            Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            using (var read = PostgresDatabase.Command(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
            {
                var current = (int)read.ExecuteScalar()!;
                if (current > Version)
                    throw new InvalidOperationException(
                        $"The PostgreSQL database is at schema version {current}, newer than this build's {Version}; run a newer build.");
                for (var next = current + 1; next <= version; next++)
                {
                    using var transaction = connection.BeginTransaction();
                    Execute(connection, transaction, Migrations[next - 1]);
                    Execute(connection, transaction, "INSERT INTO schema_version (version) VALUES ($1)", next);
                    transaction.Commit();
                }
            }
            return version;
        }
        finally
        {
            Execute(connection, null, "SELECT pg_advisory_unlock($1)", MigrationLock);
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        using var command = PostgresDatabase.Command(connection, sql, values);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
