using ClosureBot.Tests.Outbox;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="ReplyOutboxTests"/> with the app on PostgreSQL.</summary>
public sealed class ReplyOutboxOnPostgresTests : ReplyOutboxTests
{
    protected override string Storage => StorageProviders.Postgres;
}
