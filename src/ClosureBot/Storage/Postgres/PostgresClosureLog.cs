using System.Data.Common;
using System.Globalization;

namespace ClosureBot.Storage.Postgres;

/// <summary>The closure log and audit trail as the PostgreSQL store keeps them: <c>boolean</c> and <c>timestamptz</c> columns.</summary>
public sealed class PostgresClosureLog(PostgresDatabase database) : SqlClosureLog
{
    protected override string RequesterOrder => "id";

    protected override async Task<T> QueryAsync<T>(string sql, object?[] values, Func<DbDataReader, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        // PostgreSQL's parameters are positional: @p0 is $1.
        for (var i = values.Length - 1; i >= 0; i--) sql = sql.Replace($"@p{i}", $"${(i + 1).ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, sql, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await read(reader, cancellationToken);
    }

    protected override bool Flag(DbDataReader reader, int ordinal) => reader.GetBoolean(ordinal);

    protected override DateTimeOffset Time(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
