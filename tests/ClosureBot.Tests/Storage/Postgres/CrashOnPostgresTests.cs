using ClosureBot.Tests.Outbox;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="CrashTests"/> (the bot SIGKILLed around a commit, then restarted) with the bot on PostgreSQL.</summary>
public sealed class CrashOnPostgresTests : CrashTests
{
    protected override string Storage => StorageProviders.Postgres;
}
