using ClosureBot.Tests.Channels.Teams;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="TeamsRetentionTests"/> with the app on PostgreSQL.</summary>
public sealed class TeamsRetentionOnPostgresTests : TeamsRetentionTests
{
    protected override string Storage => StorageProviders.Postgres;
}
