using ClosureBot.Tests.Offboarding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Postgres;

/// <summary><see cref="SavedPlaceTests"/> with the app on PostgreSQL.</summary>
public sealed class SavedPlaceOnPostgresTests : SavedPlaceTests
{
    protected override string Storage => StorageProviders.Postgres;
}
