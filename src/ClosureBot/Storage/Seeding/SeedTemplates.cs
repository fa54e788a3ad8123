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

    /// <summary>The key a clone gets: the template's channel, then the batch and a counter.</summary>
    public static string CloneKey(string templateKey, string kind, string batch, int index)
    {
        var slash = templateKey.IndexOf('/');
        var channel = slash > 0 ? templateKey[..slash] : "webchat";
        // Zero-padded so clones sort in the order they are written: the primary key index is appended to, not split.
        return $"{channel}/seed-{kind}-{batch}-{index:D8}";
    }
}
