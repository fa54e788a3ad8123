using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="WriterMetricsTests"/> with the app on PostgreSQL: its writer reports its batches the same way.</summary>
public sealed class WriterMetricsOnPostgresTests : WriterMetricsTests
{
    protected override string Storage => StorageProviders.Postgres;

    protected override string Provider => "postgresql";
}
