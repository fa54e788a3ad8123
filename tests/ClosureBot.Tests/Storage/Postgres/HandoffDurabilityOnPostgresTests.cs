using ClosureBot.Tests.Handoff;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="HandoffDurabilityTests"/> with the app on PostgreSQL.</summary>
public sealed class HandoffDurabilityOnPostgresTests : HandoffDurabilityTests
{
    protected override string Storage => StorageProviders.Postgres;
}
