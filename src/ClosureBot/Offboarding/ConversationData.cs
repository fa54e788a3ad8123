using ClosureBot.Dialogs;

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

    /// <summary>Whether this conversation was welcomed on install (Teams sends installationUpdate and conversationUpdate for one install).</summary>
    public bool Welcomed { get; set; }

    /// <summary>How the last closure ended (null while one is under way, or before any): see <see cref="EndedFlow"/>.</summary>
    public EndedFlow? Ended { get; set; }

    public bool HasProcessed(string? activityId) => activityId is not null && RecentActivityIds.Contains(activityId);

    public void MarkProcessed(string? activityId)
    {
        if (activityId is null) return;
        RecentActivityIds.Add(activityId);
        if (RecentActivityIds.Count > RememberedActivityIds) RecentActivityIds.RemoveAt(0);
    }
}
