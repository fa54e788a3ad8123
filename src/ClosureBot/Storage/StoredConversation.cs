namespace ClosureBot.Storage;

/// <summary>
/// A conversation's persisted state as the store holds it: opaque UTF-8 JSON guarded by an ETag (kept as bytes: half the
/// memory of a string in the cache, and no transcoding between the serializer and the database). A copy served from the
/// in-memory cache may also carry <see cref="Parsed"/>, the object that JSON was written from, so the next turn need
/// not parse it again; whoever takes it must <see cref="IBotStore.Evict"/> the conversation if their turn fails.
/// </summary>
public sealed record StoredConversation(string Key, string ETag, byte[] State, object? Parsed = null);

/// <summary>A user's saved progress, so they can resume in a later conversation on the same channel identity.</summary>
public sealed record StoredProgress(string UserKey, string ConversationId, string Json, DateTimeOffset SavedAt);
