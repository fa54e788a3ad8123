using Npgsql;

namespace ClosureBot.LoadTest;

/// <summary>Command-line options. Every run is bounded: a duration, a warm-up and a per-turn timeout.</summary>
public sealed record LoadOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/ClosureBot.LoadTest -- [options]
          --customers N[,N...]  concurrent simulated customers; a list runs one row per value (default 1,8,32)
          --duration S          measured seconds per row (default 20, at most 600)
          --warmup S            unmeasured seconds before each row (default 30, at most 120): a freshly started
                                bot recompiles its hot code (tiered JIT) for 20-60 s under load on 2 cores
          --start               launch the Release bot on a free 127.0.0.1 port with a temp SQLite database,
                                one fresh bot per row, and stop it by PID afterwards
          --url URL             an already running bot (127.0.0.1 / localhost only), instead of --start
          --pid PID             with --url: the bot's process, to sample its memory
          --bot-dll PATH        with --start: the bot to launch (default src/ClosureBot/bin/Release/net10.0/ClosureBot.dll)
          --bot-arg KEY=VALUE   with --start: extra configuration, repeatable (e.g. Storage:Synchronous=Normal)
          --no-channel-auth     with --start: start ClosureBot without an app id, so that its /api/messages checks no
                                channel token (local-development mode). By default every turn carries a channel
                                token the bot checks against a local stand-in of the Connector's OpenID keys, as a
                                deployed bot does; the SDK peer and the bare floor check none either way
          --timeout S           per-turn timeout, counted as an error (default 10)
          --peer                with --start: also measure the Bot Framework JS SDK peer (tests/ClosureBot.LoadTest/peer,
                                npm ci'd from its lock file on first use) and print the side-by-side table with ratios
          --floor               with --start: also measure the bare floor (tests/ClosureBot.LoadTest.Floor): ASP.NET Core
                                doing a turn's I/O (the activity read, the replies' bytes, a durable SQLite commit of
                                ClosureBot's row sizes) and nothing else, to show how far ClosureBot is from it
          --postgres CONN       with --start: also measure the bot on PostgreSQL, each row on a new database of that server
                                (default: the CLOSUREBOT_TEST_POSTGRES environment variable, when set)
          --instances N         with --start and PostgreSQL: also measure N bot instances on one database (2 to 8),
                                each customer's turns alternating between them
          --seed-conversations N  with --start: before measuring, grow each store of the bot by N conversations and
                                N saved places cloned from real turns (the bot's hidden seed command)
          --compare-empty       with --seed-conversations: measure each store empty as well and print both side by side
          --leave-halfway N     before measuring, N customers walk half-way (5 turns) and leave (up to 1000000)
          --cold-start          with --start: measure start of the process to the reply of a welcome turn (median of 5)
          --first-turns         with --start: after each of 6 starts and its warm-up, with no request before, time the
                                first and the tenth customer's first two turns in English, German and Spanish, each
                                language going first in two starts (medians over the starts)
          --rounds N            with --start: measure every row N times (1 to 9, default 1), the targets taking turns
                                round by round, each round starting one target later, and end with each table's
                                medians over the rounds (ratios paired within a round), so one slow spell of a shared
                                machine cannot decide a comparison
        """;

    /// <summary>The environment variable that names a PostgreSQL server when <c>--postgres</c> does not.</summary>
    public const string PostgresVariable = "CLOSUREBOT_TEST_POSTGRES";

    public IReadOnlyList<int> Customers { get; init; } = [1, 8, 32];
    public int DurationSeconds { get; init; } = 20;
    public int WarmupSeconds { get; init; } = 30;
    public bool Start { get; init; }
    public Uri? Url { get; init; }
    public int? Pid { get; init; }
    public string? BotDll { get; init; }
    public IReadOnlyList<string> BotArgs { get; init; } = [];
    public int TimeoutSeconds { get; init; } = 10;
    public bool Peer { get; init; }
    public bool Floor { get; init; }
    public string? Postgres { get; init; }
    public int Instances { get; init; } = 1;
    public int SeedConversations { get; init; }
    public bool CompareEmpty { get; init; }
    public int LeaveHalfway { get; init; }
    public bool ColdStart { get; init; }
    public bool FirstTurns { get; init; }
    public int Rounds { get; init; } = 1;

    /// <summary>Whether the ClosureBot instances the command starts check a channel token on every turn (not <c>--no-channel-auth</c>).</summary>
    public bool ChannelAuth { get; init; } = true;

    /// <summary>
    /// Set by the command, not parsed: the <c>Authorization</c> value ClosureBot's turns carry, and the configuration and
    /// environment its instances start with, from the run's <see cref="ChannelTokenIssuer"/>; null and empty without one.
    /// </summary>
    public string? ChannelToken { get; init; }

    public IReadOnlyDictionary<string, string> BotEnvironment { get; init; } = new Dictionary<string, string>();

    /// <param name="environment">Reads an environment variable (the process's by default).</param>
    public static LoadOptions Parse(string[] args, Func<string, string?>? environment = null)
    {
        var options = new LoadOptions();
        var botArgs = new List<string>();
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--customers" => options with { Customers = Next().Split(',').Select(v => Bounded(v, 1, BotProcess.MaxCustomers, "--customers")).ToArray() },
                "--duration" => options with { DurationSeconds = Bounded(Next(), 1, 600, "--duration") },
                "--warmup" => options with { WarmupSeconds = Bounded(Next(), 0, 120, "--warmup") },
                "--timeout" => options with { TimeoutSeconds = Bounded(Next(), 1, 60, "--timeout") },
                "--start" => options with { Start = true },
                "--url" => options with { Url = LoopbackUri(Next()) },
                "--pid" => options with { Pid = Bounded(Next(), 1, int.MaxValue, "--pid") },
                "--bot-dll" => options with { BotDll = Path.GetFullPath(Next()) },
                "--bot-arg" => AddBotArg(options, botArgs, Next()),
                "--peer" => options with { Peer = true },
                "--floor" => options with { Floor = true },
                "--postgres" => options with { Postgres = postgres = PostgresConnection(Next(), "--postgres") },
                "--instances" => options with { Instances = Bounded(Next(), 1, 8, "--instances") },
                "--seed-conversations" => options with { SeedConversations = Bounded(Next(), 1, 10_000_000, "--seed-conversations") },
                "--compare-empty" => options with { CompareEmpty = true },
                "--leave-halfway" => options with { LeaveHalfway = Bounded(Next(), 1, 1_000_000, "--leave-halfway") },
                "--cold-start" => options with { ColdStart = true },
                "--first-turns" => options with { FirstTurns = true },
                "--rounds" => options with { Rounds = Bounded(Next(), 1, 9, "--rounds") },
                "--no-channel-auth" => options with { ChannelAuth = false },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (options.Start == (options.Url is not null))
            throw new ArgumentException("Give exactly one of --start or --url.");
        if (!options.Start)
        {
            foreach (var (given, name) in new[] { (options.Peer, "--peer"), (options.Floor, "--floor"), (postgres is not null, "--postgres"), (options.Instances > 1, "--instances"),
                         (options.SeedConversations > 0, "--seed-conversations"), (options.ColdStart, "--cold-start"),
                         (options.FirstTurns, "--first-turns"), (options.Rounds > 1, "--rounds"), (!options.ChannelAuth, "--no-channel-auth") })
                if (given) throw new ArgumentException($"{name} needs --start: the command starts the bots it measures that way.");
            // A bot someone else started is configured by them: its turns carry no token.
            return options with { ChannelAuth = false };
        }
        if (postgres is null && (environment ?? Environment.GetEnvironmentVariable)(PostgresVariable) is { Length: > 0 } fromEnvironment)
            options = options with { Postgres = PostgresConnection(fromEnvironment, PostgresVariable) };
        if (options.Instances > 1 && options.Postgres is null)
            throw new ArgumentException($"--instances {options.Instances} needs PostgreSQL (SQLite serves one instance per file): give --postgres CONNECTION or set {PostgresVariable}.");
        if (options.CompareEmpty && options.SeedConversations == 0)
            throw new ArgumentException("--compare-empty needs --seed-conversations N: it compares an empty store with a seeded one.");
        return options;
    }

    /// <summary>These options with the run's channel token, and the issuer's configuration added to the bots' own.</summary>
    public LoadOptions WithChannel(ChannelTokenIssuer issuer) => this with
    {
        ChannelToken = issuer.Token,
        BotArgs = [.. issuer.BotArgs, .. BotArgs],
        BotEnvironment = issuer.BotEnvironment,
    };

    private static LoadOptions AddBotArg(LoadOptions options, List<string> botArgs, string value)
    {
        if (!value.Contains('=')) throw new ArgumentException($"--bot-arg expects KEY=VALUE, got '{value}'.");
        botArgs.Add(value);
        return options with { BotArgs = botArgs.ToArray() };
    }

    private static int Bounded(string value, int min, int max, string name) =>
        int.TryParse(value, out var n) && n >= min && n <= max ? n : throw new ArgumentException($"{name} must be a number from {min} to {max}.");

    private static Uri LoopbackUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback
            ? uri
            : throw new ArgumentException("--url must be an http:// address on 127.0.0.1 or localhost.");

    private static string PostgresConnection(string value, string name)
    {
        try
        {
            if (new NpgsqlConnectionStringBuilder(value).Host is { Length: > 0 }) return value;
        }
        catch (ArgumentException)
        {
            // Reported below, as a value without a Host.
        }
        throw new ArgumentException($"{name} must be a PostgreSQL connection string naming a Host (Host=127.0.0.1;Port=5432;Username=…), " +
                                    "for a user who may create databases.");
    }
}
