namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Runs every answer recognizer of the supported languages once, so that the regexes are built (the yes/no definitions,
/// which are interpreted) and their code jitted (the source-generated ones) before a customer's first turn needs them.
/// </summary>
public static class RecognizerWarmer
{
    /// <summary>The languages the bot reads in; any other falls back to English.</summary>
    public static readonly string[] Languages = ["en", "es", "fr", "de", "pt"];

    /// <summary>Texts that reach past the first-character checks of most patterns, in every language.</summary>
    public static readonly string[] Samples =
    [
        "ok, yes, done! no, not yet: thanks, bye?",
        "sí, hecho, todavía no, gracias ¿qué?",
        "oui, c'est fait, pas encore, merci, quoi ?",
        "ja, erledigt, noch nicht, danke, was?",
        "sim, feito, ainda não, obrigado, o que?",
    ];

    /// <summary>Reads each sample in each language with every answer reader; returns how many readings it made.</summary>
    public static int Warm()
    {
        var readings = 0;
        foreach (var language in Languages)
        {
            foreach (var sample in Samples)
            {
                AnswerReader.Read(sample, language);
                ConfirmRecognizer.Recognize(sample, language);
                PolarityRecognizer.Read(sample, language);
                QuestionDetector.IsQuestion(sample, language);
                if (AnswerVocabulary.For(language) is { } vocabulary)
                {
                    foreach (var regex in new[] { vocabulary.Done, vocabulary.NotDone, vocabulary.Thanks, vocabulary.Yes, vocabulary.No, vocabulary.Filler })
                        regex.IsMatch(sample);
                }
                readings++;
            }
        }
        return readings;
    }
}
