using System.Diagnostics;
using System.Text;

namespace ClosureBot.LoadTest;

/// <summary>
/// First turns in a language: whether a customer's first German or Spanish turn is slower than the tenth. Each start of
/// a fresh bot waits for its start-up warm-up to finish (its log line), then ten customers in English, ten in German and
/// ten in Spanish, one after the other, each in a conversation of their own, open the closure and answer the first
/// question ("yes"). Every language's two turns are timed on their own, and the first customer of a language is compared
/// with its tenth: the same words on the same path, so what is left between them is what that language loads on first use.
/// </summary>
public static class FirstTurns
{
    public const int Starts = 5;
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

    /// <summary>One language's turns in one start: milliseconds of each customer's opening and answer, in order.</summary>
    public sealed record LanguageTurns(string Locale, IReadOnlyList<double> Openings, IReadOnlyList<double> Answers);

    /// <summary>Starts the bot <see cref="Starts"/> times with <paramref name="start"/>; each start's turns, by language.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<LanguageTurns>>> MeasureAsync(HttpClient http, Func<Task<BotProcess>> start, TimeSpan limit)
    {
        var runs = new List<IReadOnlyList<LanguageTurns>>();
        for (var run = 0; run < Starts; run++)
        {
            await using var bot = await start();
            await bot.WaitForOutputAsync(WarmedLine, limit);
            var turns = new List<LanguageTurns>();
            foreach (var (locale, opening, yes) in Languages)
            {
                var openings = new List<double>();
                var answers = new List<double>();
                for (var customer = 0; customer < CustomersPerLanguage; customer++)
                {
                    var conversation = $"first-{locale}-{Guid.NewGuid():N}";
                    openings.Add(await TurnAsync(http, bot.Url, conversation, 1, locale, opening));
                    answers.Add(await TurnAsync(http, bot.Url, conversation, 2, locale, yes));
                }
                turns.Add(new LanguageTurns(locale, openings, answers));
            }
            runs.Add(turns);
        }
        return runs;
    }

    /// <summary>The summary lines: for each language and turn, the first and the tenth customer's median over the starts, and each start's pair.</summary>
    public static IReadOnlyList<string> Summarize(IReadOnlyList<IReadOnlyList<LanguageTurns>> runs)
    {
        var lines = new List<string>();
        foreach (var locale in runs[0].Select(l => l.Locale))
        {
            var ofLanguage = runs.Select(r => r.Single(l => l.Locale == locale)).ToArray();
            foreach (var (name, pick) in new (string, Func<LanguageTurns, IReadOnlyList<double>>)[] { ("opening", l => l.Openings), ("\"yes\"", l => l.Answers) })
            {
                var first = ofLanguage.Select(l => pick(l)[0]).ToArray();
                var tenth = ofLanguage.Select(l => pick(l)[^1]).ToArray();
                lines.Add($"  {locale,-6} {name,-8} first {ColdStart.Median(first),6:0.00} ms   tenth {ColdStart.Median(tenth),6:0.00} ms   " +
                          $"(first/tenth by start: {string.Join(", ", first.Zip(tenth, (f, t) => $"{f:0.00}/{t:0.00}"))})");
            }
        }
        return lines;
    }

    private static async Task<double> TurnAsync(HttpClient http, Uri bot, string conversation, int turn, string locale, string text)
    {
        var body = Encoding.UTF8.GetBytes($$"""
            {"type":"message","id":"{{conversation}}-{{turn}}","channelId":"webchat","timestamp":"{{DateTimeOffset.UtcNow:O}}",
             "from":{"id":"{{conversation}}-user","name":"First Customer","role":"user"},"recipient":{"id":"closurebot","name":"ClosureBot","role":"bot"},
             "conversation":{"id":"{{conversation}}"},"locale":"{{locale}}","text":{{System.Text.Json.JsonSerializer.Serialize(text)}},
             "deliveryMode":"expectReplies"}
            """);
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync(new Uri(bot, "/api/messages"), content);
        var reply = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || !reply.Contains("\"activities\":[{", StringComparison.Ordinal))
            throw new InvalidOperationException($"{locale} turn {turn} was answered with HTTP {(int)response.StatusCode} and no activity.");
        return elapsed;
    }
}
