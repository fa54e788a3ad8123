using System.ComponentModel.DataAnnotations;

namespace ClosureBot.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>
    /// Where everything persists: <c>Sqlite</c> (the embedded default, one instance per file) or <c>Postgres</c>
    /// (several instances may share the database).
    /// </summary>
    [AllowedValues(Sqlite, Postgres)]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// The provider's connection string: for SQLite by default a file under the content root's <c>App_Data</c> folder;
    /// for PostgreSQL as Npgsql reads it (<c>Host=…;Port=…;Database=…;Username=…;Password=…</c>).
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/closurebot.db";

    /// <summary>
    /// SQLite <c>synchronous</c> level. <c>Full</c> flushes each group commit to disk before any reply is sent;
    /// <c>Normal</c> survives a crash of the app but not of the machine.
    /// </summary>
    [AllowedValues("Full", "Normal")]
    public string Synchronous { get; set; } = "Full";

    /// <summary>Conversations in progress kept in memory between turns (each entry is a few KB).</summary>
    [Range(0, 1_000_000)]
    public int CacheSize { get; set; } = 4_096;
}
