using ClosureBot.Tests.Outbox;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="OutboxDeliveryWorkerTests"/> with the app on PostgreSQL.</summary>
public sealed class OutboxDeliveryWorkerOnPostgresTests : OutboxDeliveryWorkerTests
{
    protected override string Storage => StorageProviders.Postgres;
}
