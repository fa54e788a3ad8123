using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage.Seeding;

/// <summary>
/// Seeds the SQLite store through its own database (same file, same pragmas). The templates go into a temporary
/// table once; each chunk of clones is then one <c>INSERT … SELECT</c> over a counter inside SQLite, one transaction
/// per chunk, so no row crosses from .NET and the disk is flushed once per chunk.
/// </summary>
public sealed class SqliteStoreSeeder(SqliteBotStore store) : IStoreSeeder
{
    private const int RowsPerTransaction = 100_000;

    public async Task<SeedTemplates> ReadTemplatesAsync(CancellationToken ct)
    {
        await using var connection = store.Database.Open(forWriting: false);
        var conversations = new List<ConversationTemplate>();
        var places = new List<PlaceTemplate>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key, state, updated_at FROM conversations WHERE key NOT LIKE '%/seed-%' ORDER BY key";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) conversations.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT user_key, conversation_id, state, saved_at FROM user_progress WHERE user_key NOT LIKE '%/seed-%' ORDER BY user_key";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) places.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return new SeedTemplates(conversations, places);
    }

    public Task SeedAsync(SeedTemplates templates, string batch, int conversations, int places, CancellationToken ct)
    {
        using var connection = store.Database.Open();
        // Seeded rows are measuring material: a crash mid-seed may lose them, it cannot corrupt the store (WAL).
        Execute(connection, """
            PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;
            CREATE TEMP TABLE IF NOT EXISTS seed_conversations (rn INTEGER PRIMARY KEY, key TEXT, state TEXT, updated_at TEXT);
            CREATE TEMP TABLE IF NOT EXISTS seed_places (rn INTEGER PRIMARY KEY, user_key TEXT, state TEXT, saved_at TEXT);
            DELETE FROM seed_conversations; DELETE FROM seed_places;
            """);
        for (var i = 0; i < templates.Conversations.Count; i++)
            Execute(connection, "INSERT INTO seed_conversations VALUES ($rn, $key, $state, $at)",
                ("$rn", i), ("$key", templates.Conversations[i].Key), ("$state", templates.Conversations[i].State), ("$at", templates.Conversations[i].UpdatedAt));
        for (var i = 0; i < templates.Places.Count; i++)
            Execute(connection, "INSERT INTO seed_places VALUES ($rn, $key, $state, $at)",
                ("$rn", i), ("$key", templates.Places[i].UserKey), ("$state", templates.Places[i].State), ("$at", templates.Places[i].SavedAt));

        // Keys are zero-padded so clones sort in the order they are written: the primary key index is appended to.
        InChunks(connection, conversations, templates.Conversations.Count, batch, """
            WITH RECURSIVE n(i) AS (SELECT $from UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $to)
            INSERT INTO conversations (key, etag, state, updated_at)
            SELECT substr(t.key, 1, instr(t.key, '/')) || 'seed-c-' || $batch || '-' || printf('%08d', n.i), lower(hex(randomblob(16))), t.state, t.updated_at
            FROM n JOIN seed_conversations t ON t.rn = n.i % $templates
            """, ct);
        InChunks(connection, places, templates.Places.Count, batch, """
            WITH RECURSIVE n(i) AS (SELECT $from UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $to)
            INSERT INTO user_progress (user_key, conversation_id, state, saved_at)
            SELECT substr(t.user_key, 1, instr(t.user_key, '/')) || 'seed-u-' || $batch || '-' || printf('%08d', n.i),
                   'seed-p-' || $batch || '-' || printf('%08d', n.i), t.state, t.saved_at
            FROM n JOIN seed_places t ON t.rn = n.i % $templates
            """, ct);
        return Task.CompletedTask;
    }

    public Task<long> SizeInBytesAsync(CancellationToken ct)
    {
        using var connection = store.Database.Open(forWriting: false);
        var file = connection.DataSource;
        long size = 0;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(file + suffix)) size += new FileInfo(file + suffix).Length;
        return Task.FromResult(size);
    }

    private static void InChunks(SqliteConnection connection, int count, int templates, string batch, string sql, CancellationToken ct)
    {
        for (var from = 0; from < count; from += RowsPerTransaction)
        {
            ct.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction();
            Execute(connection, sql, ("$from", from), ("$to", Math.Min(count, from + RowsPerTransaction)), ("$batch", batch), ("$templates", templates));
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
