using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage.Seeding;

/// <summary>
/// Seeds the SQLite store through its own database (same file, same pragmas): prepared multi-row inserts, many rows
/// per statement and many statements per transaction, so the disk is flushed once per transaction, not per row.
/// </summary>
public sealed class SqliteStoreSeeder(SqliteBotStore store) : IStoreSeeder
{
    private const int RowsPerStatement = 200;
    private const int RowsPerTransaction = 50_000;

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
        using (var pragmas = connection.CreateCommand())
        {
            // Seeded rows are measuring material: a crash mid-seed may lose them, it cannot corrupt the store (WAL).
            pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536";
            pragmas.ExecuteNonQuery();
        }
        Insert(connection, conversations, "INSERT INTO conversations (key, etag, state, updated_at) VALUES ", 4, (i, values) =>
        {
            var t = templates.Conversations[i % templates.Conversations.Count];
            values[0] = SeedTemplates.CloneKey(t.Key, "c", batch, i);
            values[1] = Guid.NewGuid().ToString("N");
            values[2] = t.State;
            values[3] = t.UpdatedAt;
        }, ct);
        Insert(connection, places, "INSERT INTO user_progress (user_key, conversation_id, state, saved_at) VALUES ", 4, (i, values) =>
        {
            var t = templates.Places[i % templates.Places.Count];
            values[0] = SeedTemplates.CloneKey(t.UserKey, "u", batch, i);
            values[1] = $"seed-p-{batch}-{i:D8}";
            values[2] = t.State;
            values[3] = t.SavedAt;
        }, ct);
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

    private static void Insert(SqliteConnection connection, int count, string insert, int columns, Action<int, object[]> row, CancellationToken ct)
    {
        if (count == 0) return;
        using var full = Prepare(connection, insert, columns, RowsPerStatement);
        var values = new object[columns];
        for (var start = 0; start < count; start += RowsPerTransaction)
        {
            ct.ThrowIfCancellationRequested();
            var end = Math.Min(count, start + RowsPerTransaction);
            using var transaction = connection.BeginTransaction();
            full.Transaction = transaction;
            var i = start;
            for (; i + RowsPerStatement <= end; i += RowsPerStatement)
            {
                for (var r = 0; r < RowsPerStatement; r++)
                {
                    row(i + r, values);
                    for (var c = 0; c < columns; c++) full.Parameters[r * columns + c].Value = values[c];
                }
                full.ExecuteNonQuery();
            }
            if (i < end)
            {
                using var rest = Prepare(connection, insert, columns, end - i);
                rest.Transaction = transaction;
                for (var r = 0; i + r < end; r++)
                {
                    row(i + r, values);
                    for (var c = 0; c < columns; c++) rest.Parameters[r * columns + c].Value = values[c];
                }
                rest.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string insert, int columns, int rows)
    {
        var command = connection.CreateCommand();
        var sql = new System.Text.StringBuilder(insert);
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < columns; c++)
            {
                if (c > 0) sql.Append(',');
                var name = $"$p{r * columns + c}";
                sql.Append(name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }
}
