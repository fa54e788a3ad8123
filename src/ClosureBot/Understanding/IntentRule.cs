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
    // The patterns are source-generated ([GeneratedRegex] in the tables): nothing to parse or compile at start-up or on a
    // customer's first turn in a language (compiling them at run time cost seconds of CPU on first use).
    public static IntentRule Whole(MessageKind kind, Regex pattern) => new(kind, pattern, IntentScope.Whole);

    public static IntentRule Short(MessageKind kind, Regex pattern, Regex? unless = null) => new(kind, pattern, IntentScope.Short, unless);

    public static IntentRule Inside(MessageKind kind, Regex pattern) => new(kind, pattern, IntentScope.Inside);
}
