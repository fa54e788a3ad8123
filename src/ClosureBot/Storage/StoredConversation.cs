namespace ClosureBot.Storage;

/// <summary>A conversation's persisted state as the store holds it: opaque JSON guarded by an ETag.</summary>
public sealed record StoredConversation(string Key, string ETag, string Json);

/// <summary>A user's saved progress, so they can resume in a later conversation on the same channel identity.</summary>
public sealed record StoredProgress(string UserKey, string ConversationId, string Json, DateTimeOffset SavedAt);
