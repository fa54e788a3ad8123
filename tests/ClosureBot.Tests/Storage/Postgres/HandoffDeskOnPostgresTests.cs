using ClosureBot.Tests.Handoff;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="HandoffDeskTests"/> with the app on PostgreSQL.</summary>
public sealed class HandoffDeskOnPostgresTests : HandoffDeskTests
{
    protected override string Storage => StorageProviders.Postgres;
}
