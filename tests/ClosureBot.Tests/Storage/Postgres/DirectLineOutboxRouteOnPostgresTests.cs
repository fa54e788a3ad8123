using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="DirectLineOutboxRouteTests"/> with the app on PostgreSQL.</summary>
public sealed class DirectLineOutboxRouteOnPostgresTests : DirectLineOutboxRouteTests
{
    protected override string Storage => StorageProviders.Postgres;
}
