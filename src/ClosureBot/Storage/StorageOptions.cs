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

    /// <summary>
    /// Memory for conversations in progress kept between turns, in MiB (an estimate of their state and parsed objects;
    /// 0 turns the cache off). A conversation not in it is read from the database on its next turn.
    /// </summary>
    /// <remarks>
    /// A conversation in progress is estimated at about 5 KB (1.2 KB of state and its parsed objects), so the default
    /// keeps the last 200 to 400 conversations that spoke; a conversation that waited longer is read from the database
    /// on its next turn (one indexed read). With 10,000 customers who walked half-way and left, 16 MiB raised the peak
    /// RSS by 14–19 MiB over a plain run (202–207 against 184–188 MiB), 2 MiB by 2–9 MiB (190–193 MiB), with no fewer
    /// turns a second. Raise it when more customers than that talk to one instance at once.
    /// </remarks>
    [Range(0, 4_096)]
    public int CacheMegabytes { get; set; } = 2;

    /// <summary>
    /// SQLite: how long the writer waits for more turns before a group commit when several are already waiting (never when
    /// a turn is alone), so one flush to disk serves more turns; 0 (the default, as PostgreSQL's <c>commit_delay</c>) does
    /// not wait. Measured here: with the CPU saturated by other work a 1–2 ms wait gained up to 8 % turns/s and 14 % CPU a
    /// turn (a flush costs the CPU of one or two turns on this virtual disk); on a quiet machine it lost 5–10 % turns/s,
    /// because the wait then idles the customers (see README, Load test).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.050")]
    public TimeSpan CommitDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a turn that lost a race keeps running again before it fails with an error that changes nothing. A turn
    /// loses when what it read changed before it was saved: another turn of its conversation was saved first (on another
    /// instance), or another conversation opened the closure request it was about to open. Each try reads the newer
    /// state, so a burst of messages through several instances ends well within it. 0 gives up after the first loss.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConflictRetryTime { get; set; } = TimeSpan.FromSeconds(5);
}
