using ClosureBot.Tests.Retention;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="RetentionWorkerTests"/> with the app on PostgreSQL.</summary>
public sealed class RetentionWorkerOnPostgresTests : RetentionWorkerTests
{
    protected override string Storage => StorageProviders.Postgres;
}
