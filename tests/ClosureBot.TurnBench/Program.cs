using System.Globalization;

namespace ClosureBot.TurnBench;

// dotnet run -c Release --project tests/ClosureBot.TurnBench -- [--rounds 5] [--walks 1000] [--warmup 3000]
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var options = new Dictionary<string, (int Value, int Min, int Max)>
        {
            ["--rounds"] = (5, 1, 50),
            ["--walks"] = (1000, 1, 100_000),
            ["--warmup"] = (3000, 0, 100_000),
        };
        for (var i = 0; i < args.Length; i++)
        {
            if (!options.TryGetValue(args[i], out var option) || i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < option.Min || value > option.Max)
            {
                Console.Error.WriteLine($"Unknown option or value at '{args[i]}'. Options: " +
                    string.Join(", ", options.Select(o => $"{o.Key} {o.Value.Min}–{o.Value.Max} (default {o.Value.Value})")));
                return 2;
            }
            options[args[i]] = option with { Value = value };
            i++;
        }

        var (rounds, walks, warmup) = (options["--rounds"].Value, options["--walks"].Value, options["--warmup"].Value);
        await using var bench = new TurnBench();
        var figures = await bench.RunAsync(rounds, walks, warmup);
        Console.Write(TurnReport.Format(figures, rounds, walks, warmup, bench.AsynchronousTurns));
        return 0;
    }
}
