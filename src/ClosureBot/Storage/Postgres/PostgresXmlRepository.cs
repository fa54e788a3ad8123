using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ClosureBot.Storage.Postgres;

/// <summary>
/// The ASP.NET Core Data Protection key ring in PostgreSQL (<c>dataprotection_keys</c>), so every instance protects and
/// unprotects cookies (web chat sign-in, agent console session, anti-forgery) with the same keys: a cookie made by one
/// instance is accepted by the others. Two instances creating a key at once both keep theirs (names are unique GUIDs).
/// </summary>
public sealed class PostgresXmlRepository(PostgresDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenSynchronous();
        using var command = PostgresDatabase.Command(connection, "SELECT xml FROM dataprotection_keys ORDER BY created_at, name");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read()) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenSynchronous();
        using var command = PostgresDatabase.Command(connection,
            "INSERT INTO dataprotection_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            friendlyName, element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
