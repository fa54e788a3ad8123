using ClosureBot.Tests.Handoff;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="HandoffRequestTests"/> with the app on PostgreSQL.</summary>
public sealed class HandoffRequestOnPostgresTests : HandoffRequestTests
{
    protected override string Storage => StorageProviders.Postgres;
}
