using System.ComponentModel.DataAnnotations;

namespace ClosureBot.Retention;

/// <summary>
/// Configuration section <c>Retention</c>: how long each kind of customer data is kept before the retention job deletes
/// it. The closure log and the audit trail are never deleted, nor anything of a conversation whose request is open.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Off: nothing is ever deleted (and nothing in memory is trimmed) by the job.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each app instance runs a pass.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A conversation whose dialog has ended is deleted this long after its last turn.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan FinishedConversations { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A conversation left mid-dialog is deleted this long after its last turn.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan IdleConversations { get; set; } = TimeSpan.FromDays(90);

    /// <summary>A customer's saved place ("remind me later") is deleted this long after it was saved.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan SavedPlaces { get; set; } = TimeSpan.FromDays(90);

    /// <summary>A web chat transcript is deleted this long after its last activity.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan Transcripts { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A support ticket that ended (handed back, left or closed) is deleted with its lines this long after it ended.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan EndedHandoffs { get; set; } = TimeSpan.FromDays(90);

    /// <summary>In-memory state of a web chat conversation (append gate, stream subscribers) idle this long, with no stream connected, is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan InMemoryIdle { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows deleted per write transaction, so the writer is never held for long.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
