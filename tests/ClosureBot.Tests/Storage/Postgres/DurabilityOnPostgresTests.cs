using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="DurabilityTests"/> with the app on PostgreSQL.</summary>
public sealed class DurabilityOnPostgresTests : DurabilityTests
{
    protected override string Storage => StorageProviders.Postgres;
}
