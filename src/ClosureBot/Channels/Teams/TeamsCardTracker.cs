using ClosureBot.Outbox;
using ClosureBot.Protocol.Activities;
using ClosureBot.Protocol.Turns;

namespace ClosureBot.Channels.Teams;

/// <summary>
/// Sends replies through the Connector and, for Teams, remembers each card with buttons by the activity id the
/// Connector returned, so the card can be updated in place once it is answered.
/// </summary>
internal sealed class TeamsCardTracker(IReplyTransport connector, ITeamsConversationStore store, ILogger<TeamsCardTracker> logger) : IReplyTransport
{
    public async Task<IReadOnlyList<ResourceResponse>> SendAsync(Activity incoming, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var responses = await connector.SendAsync(incoming, replies, cancellationToken);
        if (!TeamsActivity.IsTeams(incoming)) return responses;
        for (var i = 0; i < Math.Min(replies.Count, responses.Count); i++)
        {
            if (responses[i].Id is not { Length: > 0 } id || !TeamsCards.AdaptiveCards(replies[i]).Any(TeamsCards.HasActions)) continue;
            try
            {
                await store.AddOpenCardAsync(ReplyOutbox.ConversationKey(incoming), id, replies[i], CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The reply is delivered; losing track of it only leaves its buttons clickable (a stale click is handled).
                logger.LogWarning(ex, "Could not remember card {ActivityId} for updating it later", id);
            }
        }
        return responses;
    }
}
