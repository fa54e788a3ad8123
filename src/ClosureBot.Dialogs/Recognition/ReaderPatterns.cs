using System.Text.RegularExpressions;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>The options of every source-generated pattern that reads a customer's message.</summary>
public static class ReaderPatterns
{
    /// <summary>
    /// Case and culture do not matter, and nothing is captured: the readers only ask whether a pattern matches. The source
    /// generator's code for a lazy loop after an optional capture group once threw on backtracking, and a German question
    /// failed its turn with a 500 (GeneratedPatternsTests runs every generated pattern on what customers write).
    /// </summary>
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
}
