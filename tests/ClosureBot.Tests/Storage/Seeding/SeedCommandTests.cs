using ClosureBot.Offboarding;
using ClosureBot.Storage.Seeding;
using ClosureBot.Tests.Support;

namespace ClosureBot.Tests.Storage.Seeding;

/// <summary>
/// The hidden <c>seed</c> command the load command grows a store with: clones of the rows real turns wrote, under new
/// keys, through the store's own schema; refuses, writing nothing, when there is nothing to clone or the count is wrong.
/// </summary>
public class SeedCommandTests
{
    /// <summary>The storage provider the suite runs on (a subclass runs it again on PostgreSQL).</summary>
    protected virtual string Storage => StorageProviders.Sqlite;

    [Fact]
    public async Task Seed_AfterAFinishedAndAHalfWayWalk_ClonesTheirRowsUnderNewKeys()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        await app.WebChat().SendAll([.. Script.HappyPath]);
        var halfWay = app.WebChat();
        await halfWay.SendAll(Script.To(OffboardingSteps.DeleteServers));
        var templateStates = DatabaseProbe.Strings(app, "SELECT state FROM conversations").ToHashSet();
        var placeStates = DatabaseProbe.Strings(app, "SELECT state FROM user_progress").ToHashSet();

        var (code, output, error) = await SeedAsync(app, "--conversations", "1000", "--places", "500");

        Assert.True(code == 0, error);
        Assert.Contains("seeded 1000 conversations and 500 saved places", output);
        Assert.Contains("rows/s", output);
        Assert.Contains("store size", output);
        Assert.Equal(["1002"], DatabaseProbe.Strings(app, "SELECT COUNT(*) FROM conversations"));
        Assert.Equal(["501"], DatabaseProbe.Strings(app, "SELECT COUNT(*) FROM user_progress"));
        Assert.Equal(1000, DatabaseProbe.Strings(app, "SELECT DISTINCT key FROM conversations WHERE key LIKE 'webchat/seed-c-%'").Count);
        // Finished and in-progress clones alike: every seeded state is one real turns wrote, and both kinds are there.
        var seededStates = DatabaseProbe.Strings(app, "SELECT DISTINCT state FROM conversations WHERE key LIKE 'webchat/seed-%'");
        Assert.Equal(templateStates, seededStates.ToHashSet());
        Assert.Equal(placeStates, DatabaseProbe.Strings(app, "SELECT DISTINCT state FROM user_progress WHERE user_key LIKE 'webchat/seed-%'").ToHashSet());
        // The store still serves its real customers: the one who left half-way carries on where they were.
        (await halfWay.Send("done")).Asks("6 servers remain");
    }

    [Fact]
    public async Task Seed_OnAStoreWithNoTurns_RefusesAndWritesNothing()
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        await app.WebChat().Join();
        var before = DatabaseProbe.Strings(app, "SELECT COUNT(*) FROM conversations");

        var (code, _, error) = await SeedAsync(app, "--conversations", "100", "--places", "100");

        Assert.Equal(1, code);
        Assert.Contains("run real turns first", error);
        Assert.Contains("nothing was written", error);
        Assert.Equal(before, DatabaseProbe.Strings(app, "SELECT COUNT(*) FROM conversations"));
        Assert.Equal(["0"], DatabaseProbe.Strings(app, "SELECT COUNT(*) FROM user_progress"));
    }

    [Theory]
    [InlineData("--conversations", "-5")]
    [InlineData("--conversations", "many")]
    [InlineData("--places", "10")]
    public async Task Seed_WithoutAValidCount_RefusesAndWritesNothing(string option, string value)
    {
        await using var app = new BotApplicationFactory(storage: Storage);
        await app.WebChat().SendAll(Script.To(OffboardingSteps.DeleteServers));

        var (code, _, error) = await SeedAsync(app, option, value);

        Assert.Equal(1, code);
        Assert.Contains("nothing was written", error);
        Assert.Equal(["1"], DatabaseProbe.Strings(app, "SELECT COUNT(*) FROM conversations"));
    }

    private static async Task<(int Code, string Output, string Error)> SeedAsync(BotApplicationFactory app, params string[] options)
    {
        var storage = app.PostgresConnectionString is { } postgres
            ? new[] { "--Storage:Provider=Postgres", $"--Storage:ConnectionString={postgres}" }
            : [$"--Storage:ConnectionString=Data Source={app.DatabasePath}"];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SeedCommand.RunAsync([SeedCommand.Name, .. options, .. storage], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
