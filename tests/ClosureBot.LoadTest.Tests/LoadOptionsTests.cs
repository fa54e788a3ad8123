namespace ClosureBot.LoadTest.Tests;

public sealed class LoadOptionsTests
{
    private const string Server = "Host=127.0.0.1;Port=5432;Username=postgres";
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Parse_TheReadmeCommand_KeepsItsMeaning()
    {
        var options = LoadOptions.Parse(["--start", "--customers", "1,8,32", "--duration", "15"], NoEnvironment);

        Assert.True(options.Start);
        Assert.Equal([1, 8, 32], options.Customers);
        Assert.Equal(15, options.DurationSeconds);
        Assert.Equal(30, options.WarmupSeconds);
        Assert.Equal(["ours SQLite"], LoadTarget.For(options).Select(t => t.Label));
    }

    [Fact]
    public void Parse_ARelativeBotDll_IsTakenFromTheCurrentFolder()
    {
        // The bot is started in its content root, so a path relative to where the command was typed must not reach it as is.
        var options = LoadOptions.Parse(["--start", "--bot-dll", Path.Combine("src", "ClosureBot", "bin", "ClosureBot.dll")], NoEnvironment);

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "src", "ClosureBot", "bin", "ClosureBot.dll"), options.BotDll);
    }

    [Fact]
    public void Parse_PeerPostgresAndTwoInstances_MeasuresFourTargetsInOrder()
    {
        var options = LoadOptions.Parse(["--start", "--peer", "--postgres", Server, "--instances", "2"], NoEnvironment);

        var targets = LoadTarget.For(options);
        Assert.Equal(["ours SQLite", "ours PostgreSQL", "ours PostgreSQL ×2", "SDK peer"], targets.Select(t => t.Label));
        Assert.Equal([1, 1, 2, 1], targets.Select(t => t.Instances));
        Assert.Equal(Server, options.Postgres);
    }

    [Fact]
    public void Parse_FloorAndPeer_MeasuresTheFloorBetweenOursAndThePeer()
    {
        var targets = LoadTarget.For(LoadOptions.Parse(["--start", "--peer", "--floor"], NoEnvironment));

        Assert.Equal(["ours SQLite", "bare floor", "SDK peer"], targets.Select(t => t.Label));
        // Only ClosureBot's own stores are seeded by --seed-conversations.
        Assert.Equal([true, false, false], targets.Select(t => t.IsOurs));
    }

    [Fact]
    public void Parse_PostgresFromTheEnvironment_AddsThePostgresRow()
    {
        var options = LoadOptions.Parse(["--start"], name => name == LoadOptions.PostgresVariable ? Server : null);

        Assert.Equal(Server, options.Postgres);
        Assert.Contains(LoadTarget.For(options), t => t.Kind == LoadTargetKind.Postgres);
    }

    [Fact]
    public void Parse_SeedLeaveHalfwayAndColdStart_AreKept()
    {
        var options = LoadOptions.Parse(["--start", "--seed-conversations", "1000000", "--compare-empty", "--leave-halfway", "10000", "--cold-start"],
            NoEnvironment);

        Assert.Equal(1_000_000, options.SeedConversations);
        Assert.True(options.CompareEmpty);
        Assert.Equal(10_000, options.LeaveHalfway);
        Assert.True(options.ColdStart);
    }

    [Fact]
    public void Parse_FirstTurns_IsKept()
    {
        Assert.True(LoadOptions.Parse(["--start", "--first-turns"], NoEnvironment).FirstTurns);
        Assert.False(LoadOptions.Parse(["--start"], NoEnvironment).FirstTurns);
    }

    [Fact]
    public void Parse_Rounds_IsKept_AndIsOneUnlessGiven()
    {
        Assert.Equal(3, LoadOptions.Parse(["--start", "--peer", "--rounds", "3"], NoEnvironment).Rounds);
        Assert.Equal(1, LoadOptions.Parse(["--start", "--peer"], NoEnvironment).Rounds);
    }

    [Theory]
    [InlineData("--start --instances 2", "--instances 2 needs PostgreSQL")]
    [InlineData("--url http://127.0.0.1:5000 --rounds 3", "--rounds needs --start")]
    [InlineData("--start --rounds 0", "--rounds must be a number from 1 to 9")]
    [InlineData("--start --rounds 10", "--rounds must be a number from 1 to 9")]
    [InlineData("--url http://127.0.0.1:5000 --first-turns", "--first-turns needs --start")]
    [InlineData("--url http://127.0.0.1:5000 --peer", "--peer needs --start")]
    [InlineData("--url http://127.0.0.1:5000 --floor", "--floor needs --start")]
    [InlineData("--url http://127.0.0.1:5000 --seed-conversations 10", "--seed-conversations needs --start")]
    [InlineData("--start --compare-empty", "--compare-empty needs --seed-conversations")]
    [InlineData("--start --postgres Database=x", "--postgres must be a PostgreSQL connection string naming a Host")]
    [InlineData("--start --instances 9 --postgres Host=h", "--instances must be a number from 1 to 8")]
    [InlineData("--start --seed-conversations 0", "--seed-conversations must be a number from 1 to 10000000")]
    [InlineData("--start --leave-halfway lots", "--leave-halfway must be a number")]
    [InlineData("--start --peer --peer-port 1", "Unknown option --peer-port")]
    public void Parse_InvalidCombination_IsRefusedWithTheReason(string commandLine, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadOptions.Parse(commandLine.Split(' '), NoEnvironment));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Parse_ChannelAuthentication_IsOnForTheBotsItStarts_UnlessTurnedOff()
    {
        Assert.True(LoadOptions.Parse(["--start"], NoEnvironment).ChannelAuth);
        Assert.False(LoadOptions.Parse(["--start", "--no-channel-auth"], NoEnvironment).ChannelAuth);
        // A bot someone else started is configured by them: the command sends it no token.
        Assert.False(LoadOptions.Parse(["--url", "http://127.0.0.1:5000"], NoEnvironment).ChannelAuth);
        var error = Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--url", "http://127.0.0.1:5000", "--no-channel-auth"], NoEnvironment));
        Assert.Contains("--no-channel-auth needs --start", error.Message);
    }

    [Fact]
    public async Task WithChannel_GivesTheBotsTheIssuersConfigurationAndTheTurnsItsToken_KeepingTheOperatorsArguments()
    {
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        var options = LoadOptions.Parse(["--start", "--bot-arg", "Storage:Synchronous=Normal"], NoEnvironment).WithChannel(issuer);

        Assert.Equal(issuer.Token, options.ChannelToken);
        Assert.Equal([.. issuer.BotArgs, "Storage:Synchronous=Normal"], options.BotArgs);
        Assert.Contains($"Bot:MicrosoftAppId={ChannelTokenIssuer.AppId}", options.BotArgs);
        Assert.True(File.Exists(options.BotEnvironment["SSL_CERT_FILE"]));
    }

    [Fact]
    public void Parse_LeaveHalfwayAgainstARunningBot_IsAllowed()
    {
        var options = LoadOptions.Parse(["--url", "http://127.0.0.1:5000", "--leave-halfway", "50"], NoEnvironment);

        Assert.Equal(50, options.LeaveHalfway);
    }
}
