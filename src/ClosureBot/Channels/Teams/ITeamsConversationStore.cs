using ClosureBot.Protocol.Activities;

namespace ClosureBot.Channels.Teams;

/// <summary>
/// What the bot keeps about each Teams conversation (a port: Storage implements it for each provider): its conversation
/// reference (for proactive messages) and the cards it sent that still have buttons, by the activity id the Connector
/// gave them (to update them in place once answered).
/// </summary>
public interface ITeamsConversationStore
{
    Task SaveReferenceAsync(string conversationKey, ConversationReference reference, CancellationToken ct);

    Task<ConversationReference?> FindReferenceAsync(string conversationKey, CancellationToken ct);

    /// <summary>Remembers a card with buttons the Connector accepted as <paramref name="activityId"/>.</summary>
    Task AddOpenCardAsync(string conversationKey, string activityId, Activity sent, CancellationToken ct);

    /// <summary>The open cards of the conversation, oldest first.</summary>
    Task<IReadOnlyList<(string ActivityId, Activity Sent)>> OpenCardsAsync(string conversationKey, CancellationToken ct);

    Task CloseCardAsync(string conversationKey, string activityId, CancellationToken ct);

    /// <summary>
    /// Deletes, in batches, references not refreshed since <paramref name="referencesBefore"/> and open cards sent before
    /// <paramref name="cardsBefore"/>, except those of conversations <paramref name="isProtected"/> keeps (by conversation
    /// id); returns how many of each went. Deletes are conditional on the time read, so a chat that came back meanwhile stays.
    /// </summary>
    Task<(int References, int Cards)> PruneAsync(DateTimeOffset referencesBefore, DateTimeOffset cardsBefore, Func<string, bool> isProtected,
        int batchSize, CancellationToken ct);
}
