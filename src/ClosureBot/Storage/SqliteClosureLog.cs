using System.Data.Common;
using System.Globalization;

namespace ClosureBot.Storage;

/// <summary>The closure log and audit trail as the SQLite store keeps them: yes/no as integers, times as ISO 8601 text.</summary>
public sealed class SqliteClosureLog(SqliteDatabase database) : SqlClosureLog
{
    protected override string RequesterOrder => "rowid";

    protected override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<DbConnection>(database.Open(forWriting: false));

    protected override DbCommand Command(DbConnection connection, string sql, object?[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    protected override bool Flag(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    protected override DateTimeOffset Time(DbDataReader reader, int ordinal) => DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);
}
