using ClosureBot.Tests.Handoff;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="HandoffHostingTests"/> with the app on PostgreSQL.</summary>
public sealed class HandoffHostingOnPostgresTests : HandoffHostingTests
{
    protected override string Storage => StorageProviders.Postgres;
}
