namespace ClosureBot.Storage;

/// <summary>The bot store's SQLite tables (idempotent DDL).</summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS conversations (
            key TEXT PRIMARY KEY,
            etag TEXT NOT NULL,
            state TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS user_progress (
            user_key TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            state TEXT NOT NULL,
            saved_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS closure_requests (
            reference TEXT PRIMARY KEY,
            account_alias TEXT NOT NULL,
            status TEXT NOT NULL,
            requester_channel TEXT NOT NULL,
            requester_id TEXT NOT NULL,
            requester_name TEXT,
            requester_verified INTEGER NOT NULL,
            conversation_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            remaining TEXT NOT NULL,
            term_commitment INTEGER NOT NULL,
            data_retrieval_acknowledged INTEGER NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS closure_requests_one_open_per_account
            ON closure_requests (account_alias) WHERE status = 'Open';
        CREATE TABLE IF NOT EXISTS closure_request_requesters (
            reference TEXT NOT NULL REFERENCES closure_requests (reference),
            requester_channel TEXT NOT NULL,
            requester_id TEXT NOT NULL,
            requester_name TEXT,
            requester_verified INTEGER NOT NULL,
            conversation_id TEXT NOT NULL,
            requested_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS closure_request_requesters_by_reference ON closure_request_requesters (reference);
        CREATE TABLE IF NOT EXISTS audit_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            account_alias TEXT,
            actor_channel TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            actor_name TEXT,
            actor_verified INTEGER NOT NULL,
            conversation_id TEXT NOT NULL,
            detail TEXT);
        """;
}
