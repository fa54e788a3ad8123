namespace ClosureBot.Storage.Seeding;

/// <summary>A conversation row to clone: its key (channel/conversation), state JSON and time as the store keeps them.</summary>
public sealed record ConversationTemplate(string Key, string State, string UpdatedAt);

/// <summary>A saved place to clone: the user key (channel/user), its conversation id, state JSON and time as stored.</summary>
public sealed record PlaceTemplate(string UserKey, string ConversationId, string State, string SavedAt);

/// <summary>The rows a seed clones; finished and in-progress conversations as real turns left them.</summary>
public sealed record SeedTemplates(IReadOnlyList<ConversationTemplate> Conversations, IReadOnlyList<PlaceTemplate> Places)
{
    /// <summary>How many conversation templates are still mid-dialog (a non-empty dialog stack).</summary>
    public int InProgress => Conversations.Count(c => !c.State.Contains("\"stack\":[]", StringComparison.Ordinal));
}
