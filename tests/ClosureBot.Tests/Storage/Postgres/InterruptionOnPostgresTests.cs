using ClosureBot.Tests.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="InterruptionTests"/> with the app on PostgreSQL.</summary>
public sealed class InterruptionOnPostgresTests : InterruptionTests
{
    protected override string Storage => StorageProviders.Postgres;
}
