using System.Text;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Recognizes yes or no in what the customer typed, in the conversation's language, using the yes/no vocabulary of
/// <c>Microsoft.Recognizers.Definitions</c> (English, Spanish, French, German, Portuguese, Italian, Dutch, Swedish,
/// Turkish, Bulgarian, Hindi, Chinese, Japanese) plus a few colloquial English words it lacks.
/// </summary>
/// <remarks>Thread-safe; each language's regexes are compiled once, on first use.</remarks>
public static class ConfirmRecognizer
{
    /// <summary>Reads a yes or a no out of <paramref name="text"/>.</summary>
    /// <param name="text">What the customer typed, e.g. "Yes please!", "nah", "sí", "👍".</param>
    /// <param name="locale">
    /// BCP-47 locale of the conversation, e.g. <c>es-ES</c>; only its language counts. English when missing or
    /// unsupported. When the language's words find neither yes nor no, the English ones are tried, since many
    /// customers answer "ok" or "yes" whatever their language.
    /// </param>
    /// <returns>
    /// <see langword="true"/> for yes, <see langword="false"/> for no, <see langword="null"/> when the text says
    /// neither ("maybe", "what?"), says both ("yes and no") or is empty.
    /// </returns>
    public static bool? Recognize(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string input = TypedText.Plain(text);
        ConfirmRules rules = ConfirmRules.For(RecognitionLocale.LanguageOf(locale));
        ConfirmAnswer answer = rules.Evaluate(input);
        if (answer == ConfirmAnswer.None && rules != ConfirmRules.EnglishFallback)
        {
            answer = ConfirmRules.EnglishFallback.Evaluate(input);
        }

        return answer switch
        {
            ConfirmAnswer.Yes => true,
            ConfirmAnswer.No => false,
            _ => null,
        };
    }
}
