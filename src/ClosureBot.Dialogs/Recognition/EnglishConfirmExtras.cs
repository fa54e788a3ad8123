namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Colloquial English the <c>Microsoft.Recognizers.Definitions.English.ChoiceDefinitions</c> regexes miss.
/// Those recognize <c>yes yep yup yeah y sure ok true agree</c> and <c>no nope nop false disagree "not ok"</c>, but
/// not "okay" (<c>\bok\b</c> stops at the <c>a</c>), "of course", "nah", and they read "not sure" as yes.
/// </summary>
/// <remarks>
/// A match that lies inside a longer match of another kind is ignored, which is how "of course not" is a no and
/// "not sure" is neither, although they contain "of course" and "sure".
/// </remarks>
internal static class EnglishConfirmExtras
{
    /// <summary>More ways to say yes.</summary>
    public const string Yes =
        @"\b(okay|okey|okie|yea|ya|yah|alright|all\s+right|of\s+course|absolutely|definitely|certainly|go\s+ahead|sounds\s+good)\b";

    /// <summary>More ways to say no, including the negated forms of the extra yeses.</summary>
    public const string No =
        @"\b(nah|naw|never|not\s+really|not\s+okay|of\s+course\s+not|absolutely\s+not|definitely\s+not|certainly\s+not)\b";

    /// <summary>Hedges that are neither yes nor no although they contain a yes word.</summary>
    public const string Neither =
        @"\b(not\s+(so\s+|too\s+|quite\s+|really\s+|entirely\s+|100%\s+)?sure|unsure|i'?m\s+not\s+sure)\b";
}
