namespace ClosureBot.Outbox;

/// <summary>The commit found the turn's activity already processed (its outbox row exists): nothing of the turn was written.</summary>
public sealed class DuplicateActivityException(string conversationKey, string activityId)
    : Exception("The activity was already processed in this conversation.")
{
    public string ConversationKey { get; } = conversationKey;

    public string ActivityId { get; } = activityId;
}
