namespace ClosureBot.Dialogs.Recognition;

/// <summary>Scores how well a choice's words appear inside a longer utterance.</summary>
internal static class TokenMatcher
{
    // Words the customer may slip between a phrase's words: "close my account" still matches "close account".
    private const int MaxGap = 2;

    /// <summary>
    /// 0 when <paramref name="utterance"/> lacks any of <paramref name="phrase"/>'s words in order; otherwise the
    /// share of the utterance the phrase covers times how tightly its words sit together, so "done" scores 0.5 in
    /// "im done" and "close account" beats "account" in "close my account".
    /// </summary>
    public static double Score(string[] utterance, string[] phrase)
    {
        if (phrase.Length == 0 || phrase.Length > utterance.Length)
        {
            return 0;
        }

        double best = 0;
        for (int start = 0; start < utterance.Length; start++)
        {
            if (utterance[start] != phrase[0])
            {
                continue;
            }

            int end = MatchRest(utterance, phrase, start);
            if (end >= 0)
            {
                double coverage = (double)phrase.Length / utterance.Length;
                double density = (double)phrase.Length / (end - start + 1);
                best = Math.Max(best, coverage * density);
            }
        }

        return best;
    }

    // Position of the phrase's last word in the utterance, or -1 when the phrase does not follow on from start.
    private static int MatchRest(string[] utterance, string[] phrase, int start)
    {
        int position = start;
        for (int word = 1; word < phrase.Length; word++)
        {
            int limit = Math.Min(utterance.Length - 1, position + 1 + MaxGap);
            int found = -1;
            for (int i = position + 1; i <= limit; i++)
            {
                if (utterance[i] == phrase[word])
                {
                    found = i;
                    break;
                }
            }

            if (found < 0)
            {
                return -1;
            }

            position = found;
        }

        return position;
    }
}
