using ClosureBot.Dialogs.Choices;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Recognizes which of a prompt's <see cref="Choice"/>s the customer picked from what they typed.
/// </summary>
/// <remarks>
/// Three stages, each tried only when the one before found nothing:
/// <list type="number">
/// <item>an exact match on a choice's value, title or synonym, ignoring case, accents, punctuation and spacing;</item>
/// <item>a choice's words inside a longer sentence ("I'm done", "ok I am finished now"), the best-covering
/// choice winning and a tie recognizing nothing;</item>
/// <item>a position by number or ordinal ("2", "two", "the second one", "2nd", "last"), in the locale's
/// language or English, the number models running only when the text holds a digit or a number word and is at
/// most <see cref="MaxNumberTextLength"/> characters long.</item>
/// </list>
/// Thread-safe; regexes and number models are built once per culture, on first use.
/// </remarks>
public static class ChoiceRecognizer
{
    /// <summary>
    /// Longest text read for a position by number or ordinal; a longer answer is not a pick by number (nobody types
    /// 256 characters to say "the second one"), and the number models' cost grows faster than the text.
    /// </summary>
    public const int MaxNumberTextLength = 256;

    /// <summary>
    /// Time the number stage may spend before it gives up on a second reading (the English fallback); with texts of
    /// at most <see cref="MaxNumberTextLength"/> characters one reading takes a few milliseconds.
    /// </summary>
    public static readonly TimeSpan NumberTimeBudget = TimeSpan.FromMilliseconds(50);

    private const double ExactScore = 1.0;
    private const double NumberScore = 1.0;
    private const double Tolerance = 1e-9;

    /// <summary>Finds the choice <paramref name="text"/> picks.</summary>
    /// <param name="text">What the customer typed.</param>
    /// <param name="choices">The options the prompt offered, in the order shown.</param>
    /// <param name="locale">BCP-47 locale of the conversation, e.g. <c>fr-FR</c>; English when missing.</param>
    /// <param name="recognizeNumbers">Whether a position by number or ordinal may pick a choice (stage 3).</param>
    /// <returns>
    /// The recognized choice, or <see langword="null"/> when the text is empty, matches nothing, matches several
    /// choices equally well, or names a position outside the list.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="choices"/> is null.</exception>
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices, string? locale, bool recognizeNumbers = true)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(text) || choices.Count == 0)
        {
            return null;
        }

        string utterance = TextNormalizer.Normalize(text);
        if (utterance.Length == 0)
        {
            return null;
        }

        string[][] terms = NormalizeTerms(choices);
        if (FindExact(utterance, terms) is { } exact)
        {
            return exact < 0 ? null : new FoundChoice(choices[exact].Value, exact, ExactScore);
        }

        string[] tokens = TextNormalizer.Tokenize(utterance);
        if (FindByTokens(tokens, terms) is { } byTokens)
        {
            return byTokens.Index < 0 ? null : new FoundChoice(choices[byTokens.Index].Value, byTokens.Index, byTokens.Score);
        }

        return recognizeNumbers && NumberChoiceMatcher.FindIndex(text, tokens, choices.Count, locale) is { } position
            ? new FoundChoice(choices[position].Value, position, NumberScore)
            : null;
    }

    // Each choice's value, title and synonyms, normalized; the empty ones dropped.
    private static string[][] NormalizeTerms(IReadOnlyList<Choice> choices)
    {
        var terms = new string[choices.Count][];
        for (int i = 0; i < choices.Count; i++)
        {
            Choice choice = choices[i];
            var normalized = new List<string>(2 + choice.Synonyms.Count) { TextNormalizer.Normalize(choice.Value) };
            if (choice.Title is not null)
            {
                normalized.Add(TextNormalizer.Normalize(choice.Title));
            }

            foreach (string synonym in choice.Synonyms)
            {
                normalized.Add(TextNormalizer.Normalize(synonym));
            }

            normalized.RemoveAll(term => term.Length == 0);
            terms[i] = [.. normalized];
        }

        return terms;
    }

    // The index of the one choice matching exactly; -1 when several do; null when none does.
    private static int? FindExact(string utterance, string[][] terms)
    {
        int? found = null;
        for (int i = 0; i < terms.Length; i++)
        {
            if (Array.IndexOf(terms[i], utterance) >= 0)
            {
                if (found is not null)
                {
                    return -1;
                }

                found = i;
            }
        }

        return found;
    }

    // The best-scoring choice; index -1 when the best score is shared; null when no choice's words appear.
    private static (int Index, double Score)? FindByTokens(string[] tokens, string[][] terms)
    {
        int best = -1;
        double bestScore = 0;
        bool tied = false;
        for (int i = 0; i < terms.Length; i++)
        {
            double score = 0;
            foreach (string term in terms[i])
            {
                score = Math.Max(score, TokenMatcher.Score(tokens, TextNormalizer.Tokenize(term)));
            }

            if (score <= 0)
            {
                continue;
            }

            if (score > bestScore + Tolerance)
            {
                (best, bestScore, tied) = (i, score, false);
            }
            else if (Math.Abs(score - bestScore) <= Tolerance)
            {
                tied = true;
            }
        }

        if (best < 0)
        {
            return null;
        }

        return tied ? (-1, bestScore) : (best, bestScore);
    }
}
