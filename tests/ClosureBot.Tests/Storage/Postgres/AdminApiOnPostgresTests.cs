using ClosureBot.Tests.Closure;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="AdminApiTests"/> with the app on PostgreSQL.</summary>
public sealed class AdminApiOnPostgresTests : AdminApiTests
{
    protected override string Storage => StorageProviders.Postgres;
}
