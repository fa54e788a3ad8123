using ClosureBot.Tests.Channels.DirectLine;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="DirectLineOddInputTests"/> with the app on PostgreSQL.</summary>
public sealed class DirectLineOddInputOnPostgresTests : DirectLineOddInputTests
{
    protected override string Storage => StorageProviders.Postgres;
}
