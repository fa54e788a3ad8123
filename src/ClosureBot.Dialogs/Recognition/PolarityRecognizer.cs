using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Reads whether an answer agrees or refuses, erring towards refusal: any negation or hesitation makes an answer
/// negative, because a flow that cannot be undone must never move on a "not done" that also says "done".
/// </summary>
/// <remarks>
/// Yes and no come from <see cref="ConfirmRecognizer"/> in the conversation's language; negations and hesitations
/// from a short list per language (English always applies too, as many customers mix it in).
/// </remarks>
public static class PolarityRecognizer
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly FrozenDictionary<string, Regex>.AlternateLookup<ReadOnlySpan<char>> Negations =
        new Dictionary<string, Regex>(StringComparer.OrdinalIgnoreCase)
        {
            ["de"] = new(@"\b(nicht|nein|kein(e|en)?|noch nicht|warte|wartet|moment|fast)\b", Options),
            ["es"] = new(@"\b(no|todav[ií]a|a[uú]n|espera|casi|nada)\b", Options),
            ["fr"] = new(@"\b(non|pas|ne|attends|attendez|presque|toujours)\b", Options),
            ["pt"] = new(@"(?<!\w)(n[aã]o|ainda|espera|espere|quase)(?!\w)", Options),
        }
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The polarity of <paramref name="text"/> in the language of <paramref name="locale"/>.</summary>
    public static AnswerPolarity Read(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AnswerPolarity.None;
        }

        // "no problem", "done, no errors": a negation word that refuses nothing.
        var plain = AnswerReader.WithoutIdioms(text);
        if (HasNegation(plain, locale))
        {
            return AnswerPolarity.Negative;
        }

        return ConfirmRecognizer.Recognize(plain, locale) switch
        {
            true => AnswerPolarity.Affirmative,
            false => AnswerPolarity.Negative,
            null => AnswerPolarity.None,
        };
    }

    /// <summary>Whether <paramref name="text"/> holds a negation or hesitation, in English or the locale's language.</summary>
    internal static bool HasNegation(string text, string? locale) =>
        EnglishNegation().IsMatch(text)
        || (Negations.TryGetValue(RecognitionLocale.LanguageOf(locale), out Regex? negation) && negation.IsMatch(text));

    private static Regex? _englishNegation;
    private static Regex EnglishNegation() => _englishNegation ??= new(@"\b(not|no|nope|nah|never|n['’]?t|havent|hasnt|didnt|dont|doesnt|isnt|arent|wasnt|werent|cant|cannot|wont|aint|wait|hold on|hang on|one sec|one moment|still|yet to|almost|nearly|in progress|working on|nothing yet|refus(e|es|ed|ing) to)\b|\w+n['’]t\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
