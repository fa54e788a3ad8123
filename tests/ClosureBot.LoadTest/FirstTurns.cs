using System.Diagnostics;
using System.Text;

namespace ClosureBot.LoadTest;

/// <summary>
/// First turns in a language: whether a customer's first German or Spanish turn is slower than the tenth. Each start of
/// a fresh bot waits for its start-up warm-up to finish (its log line), with no request before it (no health check), then
/// ten customers in each language, one language after the other, each customer in a conversation of their own, open the
/// closure and answer the first question ("yes"). The languages take turns at going first: each goes first in two of the
/// six starts, so its first customer is in two starts the process's first request, and in four it follows another
/// language. Every language's two turns are timed on their own, and its first customer is compared with its tenth: the
/// same words on the same path, so what is left between them is what that language, or the process, loads on first use.
/// </summary>
public static class FirstTurns
{
    public const int Starts = 6;
    public const int CustomersPerLanguage = 10;

    /// <summary>The log line the bot's start-up warm-up ends with (<c>StartupWarmup</c>).</summary>
    public const string WarmedLine = "Turn path warmed in";

    /// <summary>The bot argument that lets the warm-up's line through the bot's Warning-level log.</summary>
    public const string WarmupLogArgument = "Serilog:MinimumLevel:Override:ClosureBot.Hosting.StartupWarmup=Information";

    /// <summary>Each language's locale, its opening (not one of the warm-up's own samples) and its answer to "Shall we start?".</summary>
    public static readonly IReadOnlyList<(string Locale, string Opening, string Yes)> Languages =
    [
        ("en-US", "hi, we need to close our cloud account", "yes please"),
        ("de-DE", "hallo, wir müssen unser Cloud-Konto schließen", "ja bitte"),
        ("es-ES", "hola, tenemos que cerrar nuestra cuenta de la nube", "sí, por favor"),
    ];

    /// <summary>
    /// One language's turns in one start: milliseconds of each customer's opening and answer, in order, and the
    /// language's place in the start's order (0: the start's first customers).
    /// </summary>
    public sealed record LanguageTurns(string Locale, int Place, IReadOnlyList<double> Openings, IReadOnlyList<double> Answers);

    /// <summary>
    /// The languages in the order a start takes them: start 0 as <see cref="Languages"/>, each next start beginning one
    /// language later, as the rounds of a side-by-side run take their targets (<see cref="LoadRun.OrderOfRound"/>).
    /// </summary>
    public static IReadOnlyList<(string Locale, string Opening, string Yes)> OrderOfStart(int start) =>
        [.. LoadRun.OrderOfRound(Languages.Count, start + 1).Select(i => Languages[i])];

    /// <summary>
    /// Starts the bot <see cref="Starts"/> times with <paramref name="start"/> (which must not send the bot any request);
    /// each start's turns, by language. One more start before them is not counted: this command's own HTTP client compiles
    /// its path on it, which the first counted start's first request would otherwise wait for.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<LanguageTurns>>> MeasureAsync(HttpClient http, Func<Task<BotProcess>> start, TimeSpan limit,
        string? bearer = null)
    {
        await using (var uncounted = await start())
        {
            await uncounted.WaitForOutputAsync(WarmedLine, limit);
            await TurnAsync(http, uncounted.Url, $"first-client-{Guid.NewGuid():N}", 1, Languages[0].Locale, Languages[0].Opening, bearer);
        }
        var runs = new List<IReadOnlyList<LanguageTurns>>();
        for (var run = 0; run < Starts; run++)
        {
            LoadStop.ThrowIfRequested();
            await using var bot = await start();
            await bot.WaitForOutputAsync(WarmedLine, limit);
            var turns = new List<LanguageTurns>();
            var place = 0;
            foreach (var (locale, opening, yes) in OrderOfStart(run))
            {
                var openings = new List<double>();
                var answers = new List<double>();
                for (var customer = 0; customer < CustomersPerLanguage; customer++)
                {
                    var conversation = $"first-{locale}-{Guid.NewGuid():N}";
                    openings.Add(await TurnAsync(http, bot.Url, conversation, 1, locale, opening, bearer));
                    answers.Add(await TurnAsync(http, bot.Url, conversation, 2, locale, yes, bearer));
                }
                turns.Add(new LanguageTurns(locale, place++, openings, answers));
            }
            runs.Add(turns);
        }
        return runs;
    }

    /// <summary>
    /// The summary lines. For each language and turn: the first and the tenth customer's medians over the starts where the
    /// language followed another, with each such start's pair, then the pairs of the starts where it went first. Last, for
    /// each turn, the medians over all starts of the first language's first and tenth customer: what the process's first
    /// request after a start still waits for.
    /// </summary>
    public static IReadOnlyList<string> Summarize(IReadOnlyList<IReadOnlyList<LanguageTurns>> runs)
    {
        var lines = new List<string>();
        var turns = new (string Name, Func<LanguageTurns, IReadOnlyList<double>> Pick)[] { ("opening", l => l.Openings), ("\"yes\"", l => l.Answers) };
        // In the order of Languages, whatever order a start took them in.
        foreach (var locale in Languages.Select(l => l.Locale).Where(locale => runs[0].Any(l => l.Locale == locale)))
        {
            var ofLanguage = runs.Select(r => r.Single(l => l.Locale == locale)).ToArray();
            var after = ofLanguage.Where(l => l.Place > 0).ToArray();
            var leading = ofLanguage.Where(l => l.Place == 0).ToArray();
            foreach (var (name, pick) in turns)
            {
                lines.Add($"  {locale,-6} {name,-8} first {Median(after, l => pick(l)[0]),6:0.00} ms   tenth {Median(after, l => pick(l)[^1]),6:0.00} ms   " +
                          $"after another language (first/tenth by start: {Pairs(after, pick)}); first after the start: {Pairs(leading, pick)}");
            }
        }
        var firsts = runs.Select(r => r.Single(l => l.Place == 0)).ToArray();
        foreach (var (name, pick) in turns)
        {
            lines.Add($"  {"any",-6} {name,-8} first {Median(firsts, l => pick(l)[0]),6:0.00} ms   tenth {Median(firsts, l => pick(l)[^1]),6:0.00} ms   " +
                      $"the first language after a start, in all {runs.Count} starts");
        }
        return lines;
    }

    private static double Median(IEnumerable<LanguageTurns> turns, Func<LanguageTurns, double> pick) =>
        turns.Select(pick).ToArray() is { Length: > 0 } values ? ColdStart.Median(values) : double.NaN;

    private static string Pairs(IEnumerable<LanguageTurns> turns, Func<LanguageTurns, IReadOnlyList<double>> pick) =>
        string.Join(", ", turns.Select(l => $"{pick(l)[0]:0.00}/{pick(l)[^1]:0.00}")) is { Length: > 0 } pairs ? pairs : "none";

    private static async Task<double> TurnAsync(HttpClient http, Uri bot, string conversation, int turn, string locale, string text, string? bearer)
    {
        var body = Encoding.UTF8.GetBytes($$"""
            {"type":"message","id":"{{conversation}}-{{turn}}","channelId":"webchat","serviceUrl":"{{ChannelTokenIssuer.ServiceUrl}}","timestamp":"{{DateTimeOffset.UtcNow:O}}",
             "from":{"id":"{{conversation}}-user","name":"First Customer","role":"user"},"recipient":{"id":"closurebot","name":"ClosureBot","role":"bot"},
             "conversation":{"id":"{{conversation}}"},"locale":"{{locale}}","text":{{System.Text.Json.JsonSerializer.Serialize(text)}},
             "deliveryMode":"expectReplies"}
            """);
        using var request = ColdStart.Post(new Uri(bot, "/api/messages"), body, bearer);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var reply = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || !reply.Contains("\"activities\":[{", StringComparison.Ordinal))
            throw new InvalidOperationException($"{locale} turn {turn} was answered with HTTP {(int)response.StatusCode} and no activity.");
        return elapsed;
    }
}
