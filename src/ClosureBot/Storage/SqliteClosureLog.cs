using System.Data.Common;
using System.Globalization;

namespace ClosureBot.Storage;

/// <summary>The closure log and audit trail as the SQLite store keeps them: yes/no as integers, times as ISO 8601 text.</summary>
public sealed class SqliteClosureLog(SqliteDatabase database) : SqlClosureLog
{
    protected override string RequesterOrder => "rowid";

    // On a reader whose commands stay prepared: an open closure request is looked up on the turn that asks to close.
    protected override async Task<T> QueryAsync<T>(string sql, object?[] values, Func<DbDataReader, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        using var session = database.RentReader();
        await using var reader = await session.Command(sql, values).ExecuteReaderAsync(cancellationToken);
        return await read(reader, cancellationToken);
    }

    protected override bool Flag(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    // The writer stores times in the round-trip form ("O"), which parses on its own short path; any other text a row may
    // hold is read as before.
    protected override DateTimeOffset Time(DbDataReader reader, int ordinal)
    {
        var text = reader.GetString(ordinal);
        return DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}
