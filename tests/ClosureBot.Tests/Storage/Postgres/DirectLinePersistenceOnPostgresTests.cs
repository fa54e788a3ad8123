using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="DirectLinePersistenceTests"/> with the app on PostgreSQL.</summary>
public sealed class DirectLinePersistenceOnPostgresTests : DirectLinePersistenceTests
{
    protected override string Storage => StorageProviders.Postgres;
}
