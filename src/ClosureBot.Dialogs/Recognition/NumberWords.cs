using System.Collections.Frozen;
using Dutch = Microsoft.Recognizers.Definitions.Dutch.NumbersDefinitions;
using English = Microsoft.Recognizers.Definitions.English.NumbersDefinitions;
using French = Microsoft.Recognizers.Definitions.French.NumbersDefinitions;
using German = Microsoft.Recognizers.Definitions.German.NumbersDefinitions;
using Italian = Microsoft.Recognizers.Definitions.Italian.NumbersDefinitions;
using Portuguese = Microsoft.Recognizers.Definitions.Portuguese.NumbersDefinitions;
using Spanish = Microsoft.Recognizers.Definitions.Spanish.NumbersDefinitions;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// The number and ordinal words of a language ("two", "second", "last"), in normalized form, used to decide
/// cheaply whether an utterance is worth handing to the expensive number models.
/// </summary>
internal static class NumberWords
{
    // Articles the English cardinal map lists because "a hundred" means 100; alone they are no number.
    private static readonly string[] Ignored = ["a", "an"];

    private static readonly FrozenDictionary<string, Lazy<FrozenSet<string>>>.AlternateLookup<ReadOnlySpan<char>> ByLanguage =
        new Dictionary<string, Lazy<FrozenSet<string>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["en"] = new(() => Build(English.CardinalNumberMap.Keys, English.OrdinalNumberMap.Keys, English.RelativeReferenceOffsetMap.Keys)),
            ["es"] = new(() => Build(Spanish.CardinalNumberMap.Keys, Spanish.OrdinalNumberMap.Keys, Spanish.RelativeReferenceOffsetMap.Keys)),
            ["fr"] = new(() => Build(French.CardinalNumberMap.Keys, French.OrdinalNumberMap.Keys, French.RelativeReferenceOffsetMap.Keys)),
            ["de"] = new(() => Build(German.CardinalNumberMap.Keys, German.OrdinalNumberMap.Keys, German.RelativeReferenceOffsetMap.Keys)),
            ["pt"] = new(() => Build(Portuguese.CardinalNumberMap.Keys, Portuguese.OrdinalNumberMap.Keys, Portuguese.RelativeReferenceOffsetMap.Keys)),
            ["it"] = new(() => Build(Italian.CardinalNumberMap.Keys, Italian.OrdinalNumberMap.Keys, Italian.RelativeReferenceOffsetMap.Keys)),
            ["nl"] = new(() => Build(Dutch.CardinalNumberMap.Keys, Dutch.OrdinalNumberMap.Keys, Dutch.RelativeReferenceOffsetMap.Keys)),
        }
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether any of <paramref name="tokens"/> is a number word of <paramref name="language"/>. A language without a
    /// word list (Chinese, Japanese, ...) answers <see langword="true"/>, leaving the decision to its model.
    /// </summary>
    public static bool AnyIn(ReadOnlySpan<char> language, string[] tokens)
    {
        if (!ByLanguage.TryGetValue(language, out Lazy<FrozenSet<string>>? words))
        {
            return true;
        }

        FrozenSet<string> set = words.Value;
        foreach (string token in tokens)
        {
            if (set.Contains(token))
            {
                return true;
            }
        }

        return false;
    }

    // Only one-word entries: the words of phrases such as "the second to last" ("the", "to") would open the gate
    // for almost every sentence, and their telling word ("last") is listed on its own anyway.
    private static FrozenSet<string> Build(params IEnumerable<string>[] maps) =>
        maps.SelectMany(keys => keys)
            .Select(TextNormalizer.Normalize)
            .Where(word => word.Length > 0 && !word.Contains(' ') && !Ignored.Contains(word))
            .ToFrozenSet(StringComparer.Ordinal);
}
