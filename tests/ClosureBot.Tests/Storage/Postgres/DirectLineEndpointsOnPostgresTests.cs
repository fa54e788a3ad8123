using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="DirectLineEndpointsTests"/> with the app on PostgreSQL.</summary>
public sealed class DirectLineEndpointsOnPostgresTests : DirectLineEndpointsTests
{
    protected override string Storage => StorageProviders.Postgres;
}
