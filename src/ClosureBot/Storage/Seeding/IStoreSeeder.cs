namespace ClosureBot.Storage.Seeding;

/// <summary>
/// Fills a store quickly with clones of the conversations and saved places already in it (rows written by real
/// turns), each under a new key: what a store that has served many customers looks like, for measuring.
/// </summary>
public interface IStoreSeeder
{
    /// <summary>Reads the template rows: every conversation and saved place now in the store.</summary>
    Task<SeedTemplates> ReadTemplatesAsync(CancellationToken ct);

    /// <summary>
    /// Writes <paramref name="conversations"/> conversations and <paramref name="places"/> saved places cloned round-robin
    /// from <paramref name="templates"/>, keys made from <paramref name="batch"/> and a counter, in transactions.
    /// </summary>
    Task SeedAsync(SeedTemplates templates, string batch, int conversations, int places, CancellationToken ct);

    /// <summary>The store's size: the SQLite file with its write-ahead log, or <c>pg_database_size</c>.</summary>
    Task<long> SizeInBytesAsync(CancellationToken ct);
}
