using System.Globalization;
using ClosureBot.Storage.Postgres;
using Npgsql;

namespace ClosureBot.Storage.Seeding;

/// <summary>Seeds the PostgreSQL store through its own data source, with the rows generated in the server.</summary>
public sealed class PostgresStoreSeeder(PostgresDatabase database) : IStoreSeeder
{
    public async Task<SeedTemplates> ReadTemplatesAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var conversations = new List<ConversationTemplate>();
        var places = new List<PlaceTemplate>();
        await using (var command = PostgresDatabase.Command(connection,
                         "SELECT key, state, updated_at FROM conversations WHERE key NOT LIKE '%/seed-%' ORDER BY key"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                conversations.Add(new(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2).ToString("O", CultureInfo.InvariantCulture)));
        await using (var command = PostgresDatabase.Command(connection,
                         "SELECT user_key, conversation_id, state, saved_at FROM user_progress WHERE user_key NOT LIKE '%/seed-%' ORDER BY user_key"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                places.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3).ToString("O", CultureInfo.InvariantCulture)));
        return new SeedTemplates(conversations, places);
    }

    public async Task SeedAsync(SeedTemplates templates, string batch, int conversations, int places, CancellationToken ct)
    {
        // Two connections, one table each, at once: the server's work on one overlaps the other's.
        await Task.WhenAll(
            CloneAsync("conversations", "(key, etag, state, updated_at)", conversations, batch,
                templates.Conversations.Select(t => (t.Key, t.State, t.UpdatedAt)).ToArray(), """
                SELECT split_part(t.key, '/', 1) || '/seed-c-' || $1 || '-' || lpad(n::text, 8, '0'), md5(random()::text), t.state, t.at
                FROM generate_series($2, $3 - 1) AS n JOIN seed_templates t ON t.rn = n % $4
                """, ct),
            CloneAsync("user_progress", "(user_key, conversation_id, state, saved_at)", places, batch,
                templates.Places.Select(t => (t.UserKey, t.State, t.SavedAt)).ToArray(), """
                SELECT split_part(t.key, '/', 1) || '/seed-u-' || $1 || '-' || lpad(n::text, 8, '0'), 'seed-p-' || $1 || '-' || lpad(n::text, 8, '0'), t.state, t.at
                FROM generate_series($2, $3 - 1) AS n JOIN seed_templates t ON t.rn = n % $4
                """, ct));
    }

    // The templates go into a temporary table once; each chunk of clones is one INSERT … SELECT over generate_series,
    // in its own transaction, so no row crosses the wire. Keys are zero-padded: the primary key index is appended to.
    private async Task CloneAsync(string table, string columns, int count, string batch, (string Key, string State, string At)[] templates, string select,
        CancellationToken ct)
    {
        if (count == 0) return;
        await using var connection = await database.OpenAsync(ct);
        await ExecuteAsync(connection, ct, "CREATE TEMP TABLE seed_templates (rn integer PRIMARY KEY, key text, state text, at timestamptz)");
        for (var i = 0; i < templates.Length; i++)
            await ExecuteAsync(connection, ct, "INSERT INTO seed_templates VALUES ($1, $2, $3, $4)", i, templates[i].Key, templates[i].State, Time(templates[i].At));
        for (var from = 0; from < count; from += RowsPerTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, ct, $"INSERT INTO {table} {columns} {select}", batch, from, Math.Min(count, from + RowsPerTransaction), templates.Length);
            await transaction.CommitAsync(ct);
        }
        // The planner should know the table grew before the first turn reads it.
        await ExecuteAsync(connection, ct, $"ANALYZE {table}");
    }

    private const int RowsPerTransaction = 250_000;

    private static async Task ExecuteAsync(NpgsqlConnection connection, CancellationToken ct, string sql, params object?[] values)
    {
        await using var command = PostgresDatabase.Command(connection, sql, values);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> SizeInBytesAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = PostgresDatabase.Command(connection, "SELECT pg_database_size(current_database())");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static DateTime Time(string stored) =>
        DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
}
