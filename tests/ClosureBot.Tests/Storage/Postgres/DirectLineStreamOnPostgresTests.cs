using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="DirectLineStreamTests"/> with the app on PostgreSQL.</summary>
public sealed class DirectLineStreamOnPostgresTests : DirectLineStreamTests
{
    protected override string Storage => StorageProviders.Postgres;
}
