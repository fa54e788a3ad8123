using ClosureBot.Tests.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="ResumeOfferTests"/> with the app on PostgreSQL.</summary>
public sealed class ResumeOfferOnPostgresTests : ResumeOfferTests
{
    protected override string Storage => StorageProviders.Postgres;
}
