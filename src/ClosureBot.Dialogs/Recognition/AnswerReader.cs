using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Reads what a typed answer says: yes, no, done, not done, thanks, or none of these. Yes and no come from the
/// per-language definitions of <c>Microsoft.Recognizers.Definitions</c> (through <see cref="ConfirmRecognizer"/>),
/// the rest from a short vocabulary per language written from the corpus; English words count in every language.
/// </summary>
/// <remarks>
/// It errs away from agreement: any hedge ("not sure", "maybe") reads as none, any negation turns a "done" into "not
/// done" and a "yes" into none, because a flow that cannot be undone must never move on a message that also refuses.
/// Thread-safe and allocation-light: regexes are compiled once per language, texts longer than
/// <see cref="MaxLength"/> are not read.
/// </remarks>
public static partial class AnswerReader
{
    /// <summary>Longer texts are not answers (nobody types 200 characters to say "done").</summary>
    public const int MaxLength = 200;

    private const RegexOptions Options = ReaderPatterns.Options;

    private static readonly FrozenDictionary<string, Regex>.AlternateLookup<ReadOnlySpan<char>> Hedges =
        new Dictionary<string, Regex>(StringComparer.OrdinalIgnoreCase)
        {
            ["es"] = SpanishHedge(),
            ["fr"] = FrenchHedge(),
            ["de"] = GermanHedge(),
            ["pt"] = PortugueseHedge(),
        }
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly ReadingMemo<AnswerKind> Memo = new("answer", ReadAnew);

    /// <summary>What <paramref name="text"/> says, in the language of <paramref name="locale"/> (English when missing).</summary>
    public static AnswerKind Read(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return AnswerKind.None;
        }

        return Memo.Read(text, locale);
    }

    /// <summary><see cref="Read"/> without the memo of short answers.</summary>
    internal static AnswerKind ReadAnew(string text, string? locale)
    {
        string input = TypedText.Unstretched(text);
        ReadOnlySpan<char> language = RecognitionLocale.LanguageOf(locale);
        AnswerVocabulary english = AnswerVocabulary.English;
        AnswerVocabulary? own = AnswerVocabulary.For(language);
        if (own == english)
        {
            own = null;
        }

        if (EnglishHedge().IsMatch(input) || (Hedges.TryGetValue(language, out Regex? hedge) && hedge.IsMatch(input)))
        {
            return AnswerKind.None;
        }

        if (Matches(english.NotDone, own?.NotDone, input))
        {
            return AnswerKind.NotDone;
        }

        string plain = WithoutIdioms(input);
        bool negation = PolarityRecognizer.HasNegation(plain, locale);
        if (Matches(english.Done, own?.Done, input))
        {
            return negation ? AnswerKind.NotDone : AnswerKind.Done;
        }

        bool? confirmed = ConfirmRecognizer.Recognize(plain, locale);
        bool no = confirmed == false || negation || Matches(english.No, own?.No, plain);
        bool yes = confirmed == true || Matches(english.Yes, own?.Yes, plain);
        if (no)
        {
            return yes && confirmed != false ? AnswerKind.None : AnswerKind.No;
        }

        if (IsOnlyThanks(input, english, own))
        {
            return AnswerKind.Thanks;
        }

        return yes ? AnswerKind.Yes : AnswerKind.None;
    }

    private static bool Matches(Regex english, Regex? own, string input) => english.IsMatch(input) || own?.IsMatch(input) == true;

    // Thanks, goodbyes and the fillers around them, and nothing else ("ok, thanks a lot!" but not "yes please, thanks").
    private static bool IsOnlyThanks(string input, AnswerVocabulary english, AnswerVocabulary? own)
    {
        if (!Matches(english.Thanks, own?.Thanks, input))
        {
            return false;
        }

        string rest = english.Filler.Replace(english.Thanks.Replace(input, " "), " ");
        if (own is not null)
        {
            rest = own.Filler.Replace(own.Thanks.Replace(rest, " "), " ");
        }

        foreach (char c in rest)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\b(not\s+(so\s+|too\s+|quite\s+|really\s+|entirely\s+|100%\s+)?sure|unsure|maybe|perhaps|probably|possibly|dunno|(don'?t|do\s+not)\s+know|no\s+idea|not\s+certain)\b", Options)]
    private static partial Regex EnglishHedge();

    /// <summary>
    /// <paramref name="input"/> without the idioms whose yes or no words answer nothing: those that hold a negation word
    /// but refuse nothing, agreement ("why not", "no problem") and saying nothing went wrong ("no errors", "keine Fehler",
    /// "sin problemas"); and "really" made of the word for "true" ("de verdad", "de verdade": "una persona de verdad"
    /// agrees to nothing), in any of the languages.
    /// </summary>
    internal static string WithoutIdioms(string input) => Idioms().Replace(input, " ");

    [GeneratedRegex(@"\b(de\s+verdade?|why\s+not|no\s+(problems?|worries|errors?|issues?)|not\s+a\s+problem|without\s+(any\s+)?(problems?|errors?|issues?)|keine?n?\s+(fehler|probleme?)|ohne\s+(fehler|probleme?)|sin\s+(errores|problemas?)|ning[úu]n\s+(error|problema)|no\s+hay\s+(problema|errores)|(aucune?|sans)\s+(erreurs?|probl[èe]mes?)|pas\s+d'erreurs?|pas\s+de\s+probl[èe]mes?|sem\s+(erros?|problemas?)|nenhum\s+(erro|problema))\b", Options)]
    private static partial Regex Idioms();

    [GeneratedRegex(@"\b(no\s+s[ée]|quiz[áa]s?|tal\s+vez|no\s+estoy\s+segur[oa])\b", Options)]
    private static partial Regex SpanishHedge();

    [GeneratedRegex(@"\b(je\s+ne\s+sais\s+pas|peut-[êe]tre|pas\s+s[ûu]r)\b", Options)]
    private static partial Regex FrenchHedge();

    [GeneratedRegex(@"\b(wei[ßs]\s+(ich\s+)?nicht|vielleicht|nicht\s+sicher)\b", Options)]
    private static partial Regex GermanHedge();

    [GeneratedRegex(@"(?<!\w)(n[ãa]o\s+sei|talvez|n[ãa]o\s+tenho\s+certeza)(?!\w)", Options)]
    private static partial Regex PortugueseHedge();
}
