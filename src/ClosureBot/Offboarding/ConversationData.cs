using ClosureBot.Dialogs;
using ClosureBot.Handoff;

namespace ClosureBot.Offboarding;

/// <summary>Everything persisted per conversation: the dialog stack plus the bot's own bookkeeping.</summary>
public sealed class ConversationData
{
    private const int RememberedActivityIds = 32;

    public DialogState Dialog { get; set; } = new();

    /// <summary>Ids of the latest activities processed, so a redelivered activity is processed once.</summary>
    public List<string> RecentActivityIds { get; set; } = [];

    /// <summary>The step last written to the user's saved progress (to write it only when it changes).</summary>
    public string? SavedProgressStep { get; set; }

    /// <summary>
    /// Whether this conversation has been welcomed: on install (Teams sends installationUpdate and conversationUpdate for
    /// one install, and is welcomed once), or in answer to a message. A yes or no typed after it answers its question.
    /// </summary>
    public bool Welcomed { get; set; }

    /// <summary>How the last closure ended (null while one is under way, or before any): see <see cref="EndedFlow"/>.</summary>
    public EndedFlow? Ended { get; set; }

    /// <summary>
    /// The support ticket while the conversation waits in a queue or is held by an agent; null otherwise, so a conversation
    /// that never asked for a person never reads the queues.
    /// </summary>
    public string? HandoffTicketId { get; set; }

    /// <summary>The last lines, for channels whose transcript cannot be read back (see <see cref="RecentActivities"/>).</summary>
    public RecentActivities? Recent { get; set; }

    /// <summary>The customer's locale as their last activity gave it (the language the bot speaks to them, also in an agent's turn).</summary>
    public string? Locale { get; set; }

    /// <summary>The customer's IANA time zone as their last activity gave it (<c>localTimezone</c>).</summary>
    public string? TimeZone { get; set; }

    /// <summary>The customer's UTC offset in minutes as their last activity gave it (<c>localTimestamp</c>).</summary>
    public int? UtcOffsetMinutes { get; set; }

    public bool HasProcessed(string? activityId) => activityId is not null && RecentActivityIds.Contains(activityId);

    public void MarkProcessed(string? activityId)
    {
        if (activityId is null) return;
        RecentActivityIds.Add(activityId);
        if (RecentActivityIds.Count > RememberedActivityIds) RecentActivityIds.RemoveAt(0);
    }
}
