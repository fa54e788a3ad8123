using ClosureBot.Tests.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="HappyPathTests"/> with the app on PostgreSQL.</summary>
public sealed class HappyPathOnPostgresTests : HappyPathTests
{
    protected override string Storage => StorageProviders.Postgres;
}
