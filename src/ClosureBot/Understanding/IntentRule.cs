using System.Text.RegularExpressions;

namespace ClosureBot.Understanding;

/// <summary>How an <see cref="IntentRule"/> decides that a match is the whole message.</summary>
internal enum IntentScope
{
    /// <summary>The pattern is anchored: a match on the message stripped of courtesy is the whole message.</summary>
    Whole,
    /// <summary>A match anywhere is the whole message when the message is short (a few words), inside it otherwise.</summary>
    Short,
    /// <summary>A match anywhere is only inside the message: it wins only when the message answers nothing.</summary>
    Inside,
}

/// <summary>One pattern of one interruption in one language; <see cref="Unless"/> vetoes it.</summary>
internal sealed record IntentRule(MessageKind Kind, Regex Pattern, IntentScope Scope, Regex? Unless = null)
{
    // The tables' patterns are interpreted (Regex without RegexOptions.Compiled), not source-generated. A generated pattern
    // is a method the JIT compiles, and the largest of these were methods of 10-17 KB of IL: each time one became hot under
    // load, the JIT optimized it with about 20 MiB of working memory, and those moments set the bot's peak memory (about 13 MiB
    // higher; tests/ClosureBot.LoadTest/MEASUREMENTS.md, thirtieth measurement). The interpreter reads a short answer as
    // fast (about 20 ns a pattern) and a sentence in under a microsecond a pattern (same measurement); the tables are
    // parsed when first used, which the start-up warm-up (IntentReader.Warm) does before a customer's first message.
    public static IntentRule Whole(MessageKind kind, Regex pattern) => new(kind, pattern, IntentScope.Whole);

    public static IntentRule Short(MessageKind kind, Regex pattern, Regex? unless = null) => new(kind, pattern, IntentScope.Short, unless);

    public static IntentRule Inside(MessageKind kind, Regex pattern) => new(kind, pattern, IntentScope.Inside);
}
