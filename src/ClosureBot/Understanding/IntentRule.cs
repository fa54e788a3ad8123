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
    // Interpreted, not compiled: compiling the ~130 patterns of five languages cost seconds of CPU on first use
    // (measured with the corpus command), while interpreting keeps a whole reading well under a millisecond.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static IntentRule Whole(MessageKind kind, string pattern) => new(kind, new Regex(pattern, Options), IntentScope.Whole);

    public static IntentRule Short(MessageKind kind, string pattern, string? unless = null) =>
        new(kind, new Regex(pattern, Options), IntentScope.Short, unless is null ? null : new Regex(unless, Options));

    public static IntentRule Inside(MessageKind kind, string pattern) => new(kind, new Regex(pattern, Options), IntentScope.Inside);
}
