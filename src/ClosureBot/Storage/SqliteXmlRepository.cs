using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ClosureBot.Storage;

/// <summary>
/// The ASP.NET Core Data Protection key ring in the app's SQLite file (<c>dataprotection_keys</c>), as PostgreSQL keeps
/// it: cookies made before a restart (web chat sign-in, agent console session, anti-forgery) are still accepted after it.
/// </summary>
public sealed class SqliteXmlRepository : IXmlRepository
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS dataprotection_keys (
            name TEXT PRIMARY KEY,
            xml TEXT NOT NULL,
            created_at TEXT NOT NULL);
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteXmlRepository(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        database.EnsureSchema(Schema);
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = _database.Open(forWriting: false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM dataprotection_keys ORDER BY created_at, name";
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read()) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO dataprotection_keys (name, xml, created_at) VALUES ($name, $xml, $at) ON CONFLICT (name) DO NOTHING";
        command.Parameters.AddWithValue("$name", friendlyName);
        command.Parameters.AddWithValue("$xml", element.ToString(SaveOptions.DisableFormatting));
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O"));
        command.ExecuteNonQuery();
    }
}
