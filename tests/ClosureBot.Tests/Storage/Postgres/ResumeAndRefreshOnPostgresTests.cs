using ClosureBot.Tests.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="ResumeAndRefreshTests"/> with the app on PostgreSQL.</summary>
public sealed class ResumeAndRefreshOnPostgresTests : ResumeAndRefreshTests
{
    protected override string Storage => StorageProviders.Postgres;
}
