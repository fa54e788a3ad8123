using ClosureBot.Tests.Channels.Teams;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="TeamsConversationTests"/> with the app on PostgreSQL (conversation references and open cards in it).</summary>
public sealed class TeamsConversationOnPostgresTests : TeamsConversationTests
{
    protected override string Storage => StorageProviders.Postgres;
}
