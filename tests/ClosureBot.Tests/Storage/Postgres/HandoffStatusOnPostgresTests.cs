using ClosureBot.Tests.Handoff;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="HandoffStatusTests"/> with the app on PostgreSQL.</summary>
public sealed class HandoffStatusOnPostgresTests : HandoffStatusTests
{
    protected override string Storage => StorageProviders.Postgres;
}
