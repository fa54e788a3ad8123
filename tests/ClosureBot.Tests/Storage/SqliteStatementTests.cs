using ClosureBot.Storage;
using Microsoft.Data.Sqlite;

namespace ClosureBot.Tests.Storage;

/// <summary>The writer's statements run through SQLite's own API: bound by name, run once, reset, and failing as Microsoft.Data.Sqlite fails.</summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteStatementTests()
    {
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (key TEXT PRIMARY KEY, text TEXT, data BLOB, number INTEGER)";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Execute_BindsEachKindOfValueByName_AndReturnsTheRowsChanged()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (key, text, data, number) VALUES ($key, $text, $data, $number)");

        insert.Text("$key", "a");
        insert.Text("$text", "héllo");
        insert.Blob("$data", [1, 2, 3]);
        insert.Integer("$number", 42);
        Assert.Equal(1, insert.Execute());
        insert.Text("$key", "b");
        insert.Text("$text", null);
        insert.Integer("$number", null);
        Assert.Equal(1, insert.Execute());

        Assert.Equal(["a|héllo|010203|42", "b|||"], Rows());
        using var update = new SqliteStatement(_connection, "UPDATE t SET number = 7 WHERE key = $key");
        update.Text("$key", "nobody");
        Assert.Equal(0, update.Execute());
    }

    [Fact]
    public void Execute_AValueIsNotCarriedOverToTheNextRun()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (key, text) VALUES ($key, $text)");
        insert.Text("$key", "a");
        insert.Text("$text", "first");
        insert.Execute();

        insert.Text("$key", "b");
        insert.Execute();

        Assert.Equal(["a|first||", "b|||"], Rows());
    }

    [Fact]
    public void Execute_AConstraintFailure_ThrowsSqlitesResultCode_AndTheStatementRunsAgainAfterIt()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (key) VALUES ($key)");
        insert.Text("$key", "a");
        insert.Execute();

        insert.Text("$key", "a");
        var error = Assert.Throws<SqliteException>(() => insert.Execute());
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT, which the writer turns into a conflict of that turn alone
        Assert.Contains("UNIQUE", error.Message);

        insert.Text("$key", "b");
        Assert.Equal(1, insert.Execute());
        Assert.Equal(["a|||", "b|||"], Rows());
    }

    [Fact]
    public void Bind_AParameterTheStatementDoesNotHave_IsRefused()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t (key) VALUES ($key)");

        Assert.Throws<ArgumentException>(() => insert.Text("$kee", "a"));
    }

    [Fact]
    public void Prepare_MoreThanOneStatement_OrBadSql_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new SqliteStatement(_connection, "DELETE FROM t; DELETE FROM t"));
        Assert.Throws<SqliteException>(() => new SqliteStatement(_connection, "DELETE FROM nowhere"));
    }

    public void Dispose() => _connection.Dispose();

    private List<string> Rows()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, text, hex(data), number FROM t ORDER BY key";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, 4).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
