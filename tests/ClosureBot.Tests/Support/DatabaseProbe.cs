using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClosureBot.Tests.Support;

/// <summary>Reads the app's database (its SQLite file, or its PostgreSQL database) from outside, to check what a request changed.</summary>
public static class DatabaseProbe
{
    public static readonly string[] Tables = ["conversations", "user_progress", "closure_requests", "directline_conversations", "directline_activities"];

    /// <summary>Row counts of <see cref="Tables"/>, by table.</summary>
    public static Dictionary<string, long> RowCounts(string databasePath)
    {
        var counts = Tables.ToDictionary(t => t, _ => 0L);
        if (!File.Exists(databasePath)) return counts;
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        foreach (var table in Existing(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table};";
            counts[table] = (long)command.ExecuteScalar()!;
        }
        return counts;
    }

    /// <summary>Rows per table of <see cref="Tables"/>, in the PostgreSQL database when one is given, else in the SQLite file.</summary>
    public static Dictionary<string, long> RowCounts(string? postgres, string databasePath)
    {
        if (postgres is null) return RowCounts(databasePath);
        using var connection = new NpgsqlConnection(postgres);
        connection.Open();
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {table}", connection);
            counts[table] = (long)command.ExecuteScalar()!;
        }
        return counts;
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text, from whichever database <paramref name="app"/> runs on.</summary>
    public static List<string> Strings(BotApplicationFactory app, string sql)
    {
        if (app.PostgresConnectionString is not { } postgres) return Strings(app.DatabasePath, sql);
        using var connection = new NpgsqlConnection(postgres);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text.</summary>
    public static List<string> Strings(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>The longest text stored in any column of any of <see cref="Tables"/>.</summary>
    public static long LongestValue(string databasePath)
    {
        if (!File.Exists(databasePath)) return 0;
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        long longest = 0;
        foreach (var table in Existing(connection))
        {
            using var columns = connection.CreateCommand();
            columns.CommandText = $"SELECT name FROM pragma_table_info('{table}');";
            var names = new List<string>();
            using (var reader = columns.ExecuteReader())
                while (reader.Read()) names.Add(reader.GetString(0));
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT MAX(MAX({string.Join(", ", names.Select(n => $"COALESCE(LENGTH(\"{n}\"), 0)"))}, 0)) FROM {table};";
            longest = Math.Max(longest, command.ExecuteScalar() is long l ? l : 0);
        }
        return longest;
    }

    // Tables are created by the feature that first needs them, so a fresh database may lack some.
    private static List<string> Existing(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        var names = new HashSet<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) names.Add(reader.GetString(0));
        return Tables.Where(names.Contains).ToList();
    }
}
