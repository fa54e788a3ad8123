using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using ClosureBot.Dialogs.Recognition;

namespace ClosureBot.Understanding;

/// <summary>
/// Finds the interruption a typed message asks for (start the closure, help, cancel, support, status, check again,
/// remind me later) in the language of the conversation, then in English, which customers mix in.
/// </summary>
/// <remarks>
/// Greetings and courtesy around an interruption keep it whole: "ok, cancel please!" is all cancel. Messages longer
/// than <see cref="MaxLength"/> are never read as an interruption. Patterns are compiled once; one reading costs a
/// few microseconds.
/// </remarks>
public static partial class IntentReader
{
    /// <summary>Longer messages are never read as an interruption (nor fed to the patterns).</summary>
    public const int MaxLength = 200;

    /// <summary>How many words a message of a <see cref="IntentScope.Short"/> pattern may have to be that interruption as a whole.</summary>
    private const int ShortWords = 8;

    /// <summary>
    /// A closure intent stated in a longer sentence ("yes hello, I need to close our account today") is still the whole
    /// message, unless the sentence asks something ("what happens to my data when I close my account?").
    /// </summary>
    private const int StartWords = 16;

    private static readonly FrozenDictionary<string, IntentRule[]>.AlternateLookup<ReadOnlySpan<char>> ByLanguage =
        new Dictionary<string, IntentRule[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["es"] = OtherLanguageIntents.Spanish,
            ["fr"] = OtherLanguageIntents.French,
            ["de"] = OtherLanguageIntents.German,
            ["pt"] = OtherLanguageIntents.Portuguese,
        }
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly ReadingMemo<(MessageKind Kind, bool Whole)?> Memo = new("interruption", ReadAnew);

    /// <summary>The interruption <paramref name="text"/> asks for, and whether it is the whole message; null when none.</summary>
    public static (MessageKind Kind, bool Whole)? Read(string? text, string? locale) => text is null ? null : Memo.Read(text, locale);

    /// <summary><see cref="Read"/> without the memo of short messages.</summary>
    internal static (MessageKind Kind, bool Whole)? ReadAnew(string text, string? locale)
    {
        if (Normalize(text) is not (var input, var bare) || bare.Length == 0) return null;
        var words = Words().Count(bare);
        var language = Language(locale);
        if (language is not "en" && ByLanguage.TryGetValue(language, out var own) && Match(own, input, bare, words, locale) is { } found) return found;
        return Match(EnglishIntents.Rules, input, bare, words, locale);
    }

    private static readonly Regex[] Restarts =
    [
        EnglishIntents.EnglishRestart1(), OtherLanguageIntents.SpanishRestart1(), OtherLanguageIntents.FrenchRestart1(),
        OtherLanguageIntents.GermanRestart1(), OtherLanguageIntents.PortugueseRestart1(),
    ];

    /// <summary>
    /// Whether <paramref name="text"/>, read as a closure intent, asks to begin from the start ("start over", "von vorne"):
    /// mid-flow it goes back to the overview rather than saying the closure is already under way. The patterns are the
    /// intent tables' own (anchored: a match is the whole message), in any of the languages.
    /// </summary>
    public static bool IsRestart(string? text) =>
        Normalize(text) is (_, var bare) && Array.Exists(Restarts, r => r.IsMatch(bare));

    // The message as the patterns read it (typographic apostrophes plain, letters typed three times once), and that
    // without the greetings and courtesy around it; null when empty or too long to read.
    private static (string Input, string Bare)? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength) return null;
        var input = TypedText.Unstretched(trimmed);
        return (input, Politeness.Replace(input, "").Trim());
    }

    /// <summary>Runs every pattern of every language over <paramref name="samples"/>, so none is first run on a customer's turn.</summary>
    public static void Warm(IEnumerable<string> samples)
    {
        IntentRule[][] all = [EnglishIntents.Rules, OtherLanguageIntents.Spanish, OtherLanguageIntents.French, OtherLanguageIntents.German, OtherLanguageIntents.Portuguese];
        foreach (var sample in samples)
        {
            foreach (var rules in all)
                foreach (var rule in rules)
                {
                    rule.Pattern.IsMatch(sample);
                    rule.Unless?.IsMatch(sample);
                }
            foreach (var locale in Dialogs.Recognition.RecognizerWarmer.Languages) ReadAnew(sample, locale);
        }
    }

    private static (MessageKind, bool)? Match(IntentRule[] rules, string input, string bare, int words, string? locale)
    {
        (MessageKind, bool)? inside = null;
        foreach (var rule in rules)
        {
            if (rule.Unless?.IsMatch(input) == true) continue;
            switch (rule.Scope)
            {
                case IntentScope.Whole when rule.Pattern.IsMatch(bare):
                    return (rule.Kind, true);
                case IntentScope.Short when rule.Pattern.IsMatch(input) || rule.Pattern.IsMatch(bare):
                    if (words <= ShortWords) return (rule.Kind, true);
                    if (rule.Kind == MessageKind.Start && words <= StartWords && !QuestionDetector.IsQuestion(bare, locale)) return (rule.Kind, true);
                    inside ??= (rule.Kind, false);
                    break;
                case IntentScope.Inside when inside is null && rule.Pattern.IsMatch(input):
                    inside = (rule.Kind, false);
                    break;
            }
        }
        return inside;
    }

    /// <summary>The primary language subtag of <paramref name="locale"/>, lower case (<c>pt</c> for <c>pt_BR</c>); <c>en</c> when missing.</summary>
    internal static string Language(string? locale)
    {
        var span = locale.AsSpan().Trim();
        var cut = span.IndexOfAny('-', '_');
        if (cut >= 0) span = span[..cut];
        return span.IsEmpty ? "en" : span.ToString().ToLowerInvariant();
    }

    // Before a request, greetings, courtesy and the admission of a slip ("oops, wrong answer, go back") are not part of it.
    // Interpreted, as the intent tables are (IntentRule): read on every message, its generated matcher was one the JIT
    // optimized under load with about 20 MiB of working memory.
    private static readonly Regex Politeness = new(@"^((hi|hello|hey|heya|ok(ay)?|so|um+|well|sorry|please|pls|actually|hola|buenas|bueno|vale|bonjour|salut|alors|hallo|also|ol[áa]|oi|bom\s+dia|ent[ãa]o"
        + @"|w?hoops|oops|my\s+(bad|mistake)|i\s+made\s+a\s+mistake|wrong\s+(answer|button|choice|one)|hoppla|ups|falsche\s+antwort|falsch\s+geklickt|verklickt|me\s+equivoqu[ée]|respuesta\s+equivocada|oups|je\s+me\s+suis\s+tromp[ée]e?|mauvaise\s+r[ée]ponse|errei|resposta\s+errada)\b[\s,.!]*)+|([\s,.!]*\b(please|pls|thanks|thank\s+you|por\s+favor|gracias|svp|s'il\s+vous\s+pla[îi]t|merci|bitte|danke|obrigad[oa])\b)*[\s.!\p{So}\p{Cs}\uFE0F]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Words();
}
