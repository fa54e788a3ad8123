using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="DirectLineActivityLogTests"/> with the app on PostgreSQL.</summary>
public sealed class DirectLineActivityLogOnPostgresTests : DirectLineActivityLogTests
{
    protected override string Storage => StorageProviders.Postgres;
}
