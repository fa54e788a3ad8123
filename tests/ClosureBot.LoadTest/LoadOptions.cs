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
          --timeout S           per-turn timeout, counted as an error (default 10)
        """;

    public IReadOnlyList<int> Customers { get; init; } = [1, 8, 32];
    public int DurationSeconds { get; init; } = 20;
    public int WarmupSeconds { get; init; } = 30;
    public bool Start { get; init; }
    public Uri? Url { get; init; }
    public int? Pid { get; init; }
    public string? BotDll { get; init; }
    public IReadOnlyList<string> BotArgs { get; init; } = [];
    public int TimeoutSeconds { get; init; } = 10;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        var botArgs = new List<string>();
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
                "--bot-dll" => options with { BotDll = Next() },
                "--bot-arg" => AddBotArg(options, botArgs, Next()),
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (options.Start == (options.Url is not null))
            throw new ArgumentException("Give exactly one of --start or --url.");
        return options;
    }

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
}
