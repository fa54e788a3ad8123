namespace ClosureBot.Tests.Support;

/// <summary>The values of <c>Storage:Provider</c>, for suites that run on both.</summary>
public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
}
