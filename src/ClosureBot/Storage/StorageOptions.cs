using System.ComponentModel.DataAnnotations;

namespace ClosureBot.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>SQLite connection string; by default a file under the content root's <c>App_Data</c> folder.</summary>
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
