using Microsoft.Data.Sqlite;

namespace ClosureBot.Storage;

/// <summary>
/// A read connection kept open with its commands, each prepared by SQLite once and run again with new values: rented from
/// <see cref="SqliteDatabase.RentReader"/> by one caller at a time, given back by <see cref="Dispose"/>. A command's data
/// reader resets its statement when it is disposed, so an idle reader holds no snapshot of the database and never holds
/// up a checkpoint of the log.
/// </summary>
internal sealed class SqliteReader : IDisposable
{
    // Bounded: the app's reads are a fixed set of query texts; a reader asked for more starts over.
    private const int MaxCommands = 32;
    private readonly SqliteDatabase _database;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal SqliteReader(SqliteDatabase database, SqliteConnection connection)
    {
        _database = database;
        _connection = connection;
    }

    /// <summary>True while the connection is open (a failure that closed it closes the reader instead of keeping it).</summary>
    internal bool CanBeReused => _connection.State == System.Data.ConnectionState.Open;

    /// <summary>
    /// The command for <paramref name="sql"/> (one statement), prepared on first use, with <paramref name="values"/> given to
    /// its parameters <c>@p0</c>, <c>@p1</c>, … in order (null as SQL NULL). Run it and dispose its data reader before the
    /// next read with this reader.
    /// </summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<object?> values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxCommands) DisposeCommands();
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++) command.Parameters.Add(new SqliteParameter(ParameterName(i), DBNull.Value));
            _commands.Add(sql, command);
        }
        if (command.Parameters.Count != values.Length)
            throw new ArgumentException($"The query takes {command.Parameters.Count} values, not {values.Length}.", nameof(values));
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    /// <summary>Gives the reader back to its database.</summary>
    public void Dispose() => _database.Return(this);

    internal void Close()
    {
        DisposeCommands();
        _connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }

    private static string ParameterName(int index) => index switch { 0 => "@p0", 1 => "@p1", 2 => "@p2", _ => $"@p{index}" };
}
