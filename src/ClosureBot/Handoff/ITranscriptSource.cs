using ClosureBot.Protocol.Activities;

namespace ClosureBot.Handoff;

/// <summary>A channel that can read a conversation's activities back (web chat's Direct Line log): a port Channels implement.</summary>
public interface ITranscriptSource
{
    /// <summary>Whether this source holds the conversation <paramref name="activity"/> belongs to.</summary>
    bool Covers(Activity activity);

    /// <summary>The conversation's last <paramref name="limit"/> activities, oldest first.</summary>
    Task<IReadOnlyList<Activity>> ReadAsync(Activity activity, int limit, CancellationToken cancellationToken);
}
