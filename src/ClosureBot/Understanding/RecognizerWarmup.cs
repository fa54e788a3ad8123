using Microsoft.Extensions.Hosting;

namespace ClosureBot.Understanding;

/// <summary>
/// Builds and runs every language's recognizers once, in the background, as the app starts: the yes/no definitions of
/// <c>Microsoft.Recognizers.Definitions</c> are interpreted regexes built on first use, so without this the first
/// Spanish or German turn would pay for building them. Start-up does not wait for it.
/// </summary>
internal sealed class RecognizerWarmup(ILogger<RecognizerWarmup> logger) : BackgroundService
{
    /// <summary>One message per language that walks every reader (interruptions, answers, questions, topics, accounts).</summary>
    private static readonly (string Locale, string Text)[] Samples =
    [
        ("en-US", "ok yes, done"), ("es-ES", "sí, hecho"), ("fr-FR", "oui, c'est fait"), ("de-DE", "ja, erledigt"), ("pt-BR", "sim, feito"),
    ];

    /// <summary>Reads the samples; the caller decides on which thread.</summary>
    public static void Warm()
    {
        AccountName[] accounts = [new("ACME", "Acme Corporation")];
        foreach (var (locale, text) in Samples)
        {
            MessageReader.Classify(text, locale, accounts);
            MessageReader.Classify("what is the final invoice?", locale, accounts);
            TopicReader.Read(text, []);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = TimeProvider.System.GetTimestamp();
        Warm();
        logger.LogInformation("Recognizers warmed in {ElapsedMs:F0} ms", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }, stoppingToken);
}
