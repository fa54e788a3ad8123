using System.Globalization;
using ClosureBot.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace ClosureBot.Storage.Seeding;

/// <summary>Seeds the PostgreSQL store through its own data source: binary <c>COPY</c>, one transaction per table.</summary>
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
        await using var connection = await database.OpenAsync(ct);
        if (conversations > 0)
        {
            var times = templates.Conversations.Select(t => Time(t.UpdatedAt)).ToArray();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var copy = await connection.BeginBinaryImportAsync("COPY conversations (key, etag, state, updated_at) FROM STDIN (FORMAT BINARY)", ct))
            {
                for (var i = 0; i < conversations; i++)
                {
                    var t = templates.Conversations[i % templates.Conversations.Count];
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(SeedTemplates.CloneKey(t.Key, "c", batch, i), NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(t.State, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(times[i % times.Length], NpgsqlDbType.TimestampTz, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        if (places > 0)
        {
            var times = templates.Places.Select(t => Time(t.SavedAt)).ToArray();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var copy = await connection.BeginBinaryImportAsync("COPY user_progress (user_key, conversation_id, state, saved_at) FROM STDIN (FORMAT BINARY)", ct))
            {
                for (var i = 0; i < places; i++)
                {
                    var t = templates.Places[i % templates.Places.Count];
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(SeedTemplates.CloneKey(t.UserKey, "u", batch, i), NpgsqlDbType.Text, ct);
                    await copy.WriteAsync($"seed-p-{batch}-{i:D8}", NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(t.State, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(times[i % times.Length], NpgsqlDbType.TimestampTz, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        // The planner should know the tables grew a million-fold before the first turn reads them.
        await using var analyze = PostgresDatabase.Command(connection, "ANALYZE conversations; ANALYZE user_progress");
        await analyze.ExecuteNonQueryAsync(ct);
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
