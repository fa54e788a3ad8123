using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Tells whether a message asks something ("how much will the last bill be?", "what servers") rather than answers:
/// a question is never taken as an answer to the current prompt.
/// </summary>
public static partial class QuestionDetector
{
    private const RegexOptions Options = ReaderPatterns.Options;

    // Question words open a question on their own; auxiliaries only when a subject follows ("do I", not "do it").
    private static readonly FrozenDictionary<string, Regex>.AlternateLookup<ReadOnlySpan<char>> Openings =
        new Dictionary<string, Regex>(StringComparer.OrdinalIgnoreCase)
        {
            ["de"] = GermanOpening(),
            ["es"] = SpanishOpening(),
            ["fr"] = FrenchOpening(),
            ["pt"] = PortugueseOpening(),
        }
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="text"/> is a question, in English or the language of <paramref name="locale"/>.</summary>
    public static bool IsQuestion(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ReadOnlySpan<char> trimmed = text.AsSpan().Trim();
        if (trimmed.TrimEnd(" !.)\u2026".AsSpan()).EndsWith("?") || trimmed.StartsWith("¿"))
        {
            return true;
        }

        string opening = Filler().Replace(text.Trim(), "");
        bool opens = EnglishOpening().IsMatch(opening)
            || (Openings.TryGetValue(RecognitionLocale.LanguageOf(locale), out Regex? openings) && openings.IsMatch(opening));
        // A short yes or no that happens to start like a question ("que no", "como não") answers rather than asks.
        return opens && !(ShortWords().Count(opening) <= 3 && ConfirmRecognizer.Recognize(opening, locale) is not null);
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex ShortWords();

    private static Regex? _filler;
    private static Regex Filler() => _filler ??= new(@"^((hi|hello|hey|ok|okay|so|and|but|sorry|please|um+|uh+|hmm+|well)[\s,.!]+)+", Options);

    private static Regex? _englishOpening;
    private static Regex EnglishOpening() => _englishOpening ??= new(@"^(what|what['’]?s|whats|how|how['’]?s|when|where|why|which|who|whose|whom|(can|could|will|would|should|shall|may|might|must|is|are|was|were|do|does|did|have|has|am)\s+(i|you|we|they|there|this|that|these|those|the|my|our|your|he|she|someone|anyone|a|an|it\s+\w+)\b|tell me (what|how|when|why|where|if|whether|about))\b", Options);

    private static Regex? _germanOpening;
    private static Regex GermanOpening() => _germanOpening ??= new(@"^(was|wie|wann|wo|wohin|warum|wieso|weshalb|welche[rsmn]?|wer|wen|wem|(kann|k[öo]nnen|muss|m[üu]ssen|ist|sind|gibt|wird|werden|habe|hat)\s+(ich|man|es|das|der|die|mein|meine|wir|sie)\b)", Options);

    private static Regex? _spanishOpening;
    private static Regex SpanishOpening() => _spanishOpening ??= new(@"^(¿|qu[ée]|c[óo]mo|cu[áa]ndo|d[óo]nde|por\s*qu[ée]|cu[áa]l(es)?|qui[ée]n(es)?|cu[áa]nto|puedo|hay\s+que)\b", Options);

    private static Regex? _frenchOpening;
    private static Regex FrenchOpening() => _frenchOpening ??= new(@"^(que|quoi|qu['’]est|comment|quand|o[ùu]|pourquoi|quel(le)?s?|qui|combien|est-ce|puis-je|dois-je|y a-t-il)\b", Options);

    private static Regex? _portugueseOpening;
    private static Regex PortugueseOpening() => _portugueseOpening ??= new(@"^(o\s+que|que|como|quando|onde|por\s*que|qual|quais|quem|quanto|posso|preciso|[ée]\s+poss[íi]vel)\b", Options);
}
