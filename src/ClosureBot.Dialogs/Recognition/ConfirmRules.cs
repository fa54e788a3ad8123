using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Bulgarian = Microsoft.Recognizers.Definitions.Bulgarian.ChoiceDefinitions;
using Chinese = Microsoft.Recognizers.Definitions.Chinese.ChoiceDefinitions;
using Dutch = Microsoft.Recognizers.Definitions.Dutch.ChoiceDefinitions;
using English = Microsoft.Recognizers.Definitions.English.ChoiceDefinitions;
using French = Microsoft.Recognizers.Definitions.French.ChoiceDefinitions;
using German = Microsoft.Recognizers.Definitions.German.ChoiceDefinitions;
using Hindi = Microsoft.Recognizers.Definitions.Hindi.ChoiceDefinitions;
using Italian = Microsoft.Recognizers.Definitions.Italian.ChoiceDefinitions;
using Japanese = Microsoft.Recognizers.Definitions.Japanese.ChoiceDefinitions;
using Portuguese = Microsoft.Recognizers.Definitions.Portuguese.ChoiceDefinitions;
using Spanish = Microsoft.Recognizers.Definitions.Spanish.ChoiceDefinitions;
using Swedish = Microsoft.Recognizers.Definitions.Swedish.ChoiceDefinitions;
using Turkish = Microsoft.Recognizers.Definitions.Turkish.ChoiceDefinitions;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// One language's yes/no regexes, taken from its <c>ChoiceDefinitions</c> and built once, on first use.
/// </summary>
internal sealed class ConfirmRules
{
    // Interpreted, not compiled: the definitions are static readonly strings, not constants, so they cannot be
    // source-generated, and compiling them cost seconds of CPU on first use. Built and warmed at start-up, in the
    // background, by the app (see StartupWarmup), so no customer's turn pays for it.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Lazy<ConfirmRules> EnglishRules = new(() => new(
        $"(?:{English.TrueRegex})|{EnglishConfirmExtras.Yes}",
        $"(?:{English.FalseRegex})|{EnglishConfirmExtras.No}",
        EnglishConfirmExtras.Neither));

    private static readonly FrozenDictionary<string, Lazy<ConfirmRules>>.AlternateLookup<ReadOnlySpan<char>> ByLanguage =
        new Dictionary<string, Lazy<ConfirmRules>>(StringComparer.OrdinalIgnoreCase)
        {
            ["en"] = EnglishRules,
            ["es"] = Rules(Spanish.TrueRegex, Spanish.FalseRegex),
            ["fr"] = Rules(French.TrueRegex, French.FalseRegex),
            ["de"] = Rules(German.TrueRegex, German.FalseRegex),
            ["pt"] = Rules(Portuguese.TrueRegex, Portuguese.FalseRegex),
            ["it"] = Rules(Italian.TrueRegex, Italian.FalseRegex),
            ["nl"] = Rules(Dutch.TrueRegex, Dutch.FalseRegex),
            ["sv"] = Rules(Swedish.TrueRegex, Swedish.FalseRegex),
            ["tr"] = Rules(Turkish.TrueRegex, Turkish.FalseRegex),
            ["bg"] = Rules(Bulgarian.TrueRegex, Bulgarian.FalseRegex),
            ["hi"] = Rules(Hindi.TrueRegex, Hindi.FalseRegex),
            ["zh"] = Rules(Chinese.TrueRegex, Chinese.FalseRegex),
            ["ja"] = Rules(Japanese.TrueRegex, Japanese.FalseRegex),
        }
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Regex _yes;
    private readonly Regex _no;
    private readonly Regex? _neither;

    private ConfirmRules(string yes, string no, string? neither = null)
    {
        _yes = new Regex(yes, Options);
        _no = new Regex(no, Options);
        _neither = neither is null ? null : new Regex(neither, Options);
    }

    /// <summary>The English rules, also the fallback for every other language.</summary>
    public static ConfirmRules EnglishFallback => EnglishRules.Value;

    /// <summary>The rules for <paramref name="language"/>, or the English ones when it has none.</summary>
    public static ConfirmRules For(ReadOnlySpan<char> language) =>
        ByLanguage.TryGetValue(language, out Lazy<ConfirmRules>? rules) ? rules.Value : EnglishRules.Value;

    /// <summary>Whether <paramref name="text"/> says yes, no, both or neither.</summary>
    public ConfirmAnswer Evaluate(string text)
    {
        bool yes = _yes.IsMatch(text);
        bool no = _no.IsMatch(text);
        if (!yes && !no)
        {
            return ConfirmAnswer.None;
        }

        bool hedged = _neither?.IsMatch(text) == true;
        if (yes != no && !hedged)
        {
            return yes ? ConfirmAnswer.Yes : ConfirmAnswer.No;
        }

        // Rare path: several kinds matched, so a match nested in a longer one of another kind
        // ("not ok" around "ok") is dropped before deciding.
        List<Range> yesSpans = Spans(_yes, text);
        List<Range> noSpans = Spans(_no, text);
        List<Range> neitherSpans = _neither is null ? [] : Spans(_neither, text);
        yes = yesSpans.Exists(s => !IsInsideAny(s, noSpans) && !IsInsideAny(s, neitherSpans));
        no = noSpans.Exists(s => !IsInsideAny(s, yesSpans) && !IsInsideAny(s, neitherSpans));
        return (yes, no) switch
        {
            (true, true) => ConfirmAnswer.Ambiguous,
            (true, false) => ConfirmAnswer.Yes,
            (false, true) => ConfirmAnswer.No,
            _ => ConfirmAnswer.None,
        };
    }

    private static Lazy<ConfirmRules> Rules(string yes, string no) => new(() => new ConfirmRules(yes, no));

    private static List<Range> Spans(Regex regex, string text)
    {
        var spans = new List<Range>();
        foreach (ValueMatch match in regex.EnumerateMatches(text))
        {
            spans.Add(new Range(match.Index, match.Index + match.Length));
        }

        return spans;
    }

    private static bool IsInsideAny(Range span, List<Range> others) =>
        others.Exists(o => o.Start.Value <= span.Start.Value
            && o.End.Value >= span.End.Value
            && o.End.Value - o.Start.Value > span.End.Value - span.Start.Value);
}
