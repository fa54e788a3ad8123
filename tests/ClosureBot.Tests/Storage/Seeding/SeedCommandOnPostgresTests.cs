using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Seeding;

/// <summary><see cref="SeedCommandTests"/> with the store on PostgreSQL.</summary>
public sealed class SeedCommandOnPostgresTests : SeedCommandTests
{
    protected override string Storage => StorageProviders.Postgres;
}
