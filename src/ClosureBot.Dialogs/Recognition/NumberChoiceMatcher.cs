using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace ClosureBot.Dialogs.Recognition;

/// <summary>
/// Finds the position a customer named by number or ordinal ("2", "two", "the second one", "2nd", "last") with the
/// <c>Microsoft.Recognizers.Text.Number</c> models, which are built once per culture, on first use.
/// </summary>
/// <remarks>
/// The models' cost grows faster than the text (2.7 s of CPU for 32 KB of digits, minutes for 128 KB), so they only
/// ever see a text of at most <see cref="ChoiceRecognizer.MaxNumberTextLength"/> characters (a few milliseconds), and
/// the English fallback is skipped once <see cref="ChoiceRecognizer.NumberTimeBudget"/> is spent.
/// </remarks>
internal static class NumberChoiceMatcher
{
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CultureByLanguage =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["en"] = Culture.English,
            ["es"] = Culture.Spanish,
            ["fr"] = Culture.French,
            ["de"] = Culture.German,
            ["pt"] = Culture.Portuguese,
            ["it"] = Culture.Italian,
            ["nl"] = Culture.Dutch,
            ["zh"] = Culture.Chinese,
            ["ja"] = Culture.Japanese,
            ["ko"] = Culture.Korean,
            ["sv"] = Culture.Swedish,
            ["bg"] = Culture.Bulgarian,
            ["tr"] = Culture.Turkish,
            ["hi"] = Culture.Hindi,
        }
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, Lazy<Models>>.AlternateLookup<ReadOnlySpan<char>> ModelsByCulture =
        CultureByLanguage.Dictionary.Values
            .Append(Culture.SpanishMexican)
            .ToFrozenDictionary(code => code, code => new Lazy<Models>(() => new Models(code)), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Lazy<Models> EnglishModels = ModelsByCulture.Dictionary[Culture.English];

    /// <summary>
    /// The zero-based index named in <paramref name="text"/>, or <see langword="null"/> when it names none, names
    /// several, or names one outside <c>0..<paramref name="count"/>-1</c>. The models run only when the text holds a
    /// digit or a number word, and English is tried when the locale's language finds no number at all.
    /// </summary>
    public static int? FindIndex(string text, string[] tokens, int count, string? locale)
    {
        if (text.Length > ChoiceRecognizer.MaxNumberTextLength)
        {
            return null;
        }

        long started = Stopwatch.GetTimestamp();
        ReadOnlySpan<char> language = RecognitionLocale.LanguageOf(locale);
        Lazy<Models> models = ModelsFor(locale, language);
        bool hasDigit = ContainsDigit(text);

        if (hasDigit || NumberWords.AnyIn(language, tokens))
        {
            Resolution found = models.Value.Resolve(text, count);
            if (found.Named || models == EnglishModels)
            {
                return found.Index;
            }
        }

        if (models != EnglishModels && Stopwatch.GetElapsedTime(started) < ChoiceRecognizer.NumberTimeBudget
            && NumberWords.AnyIn(RecognitionLocale.DefaultLanguage, tokens))
        {
            return EnglishModels.Value.Resolve(text, count).Index;
        }

        return null;
    }

    private static bool ContainsDigit(string text)
    {
        foreach (char c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // A supported culture as given (es-MX has its own models), else the language's main culture, else English.
    private static Lazy<Models> ModelsFor(string? locale, ReadOnlySpan<char> language)
    {
        ReadOnlySpan<char> trimmed = locale.AsSpan().Trim();
        if (ModelsByCulture.TryGetValue(trimmed, out Lazy<Models>? exact))
        {
            return exact;
        }

        return CultureByLanguage.TryGetValue(language, out string? culture)
            ? ModelsByCulture.Dictionary[culture]
            : EnglishModels;
    }

    /// <summary>What the models read: whether any number was named at all, and the index it resolves to.</summary>
    private readonly record struct Resolution(bool Named, int? Index);

    private sealed class Models
    {
        private readonly IModel _ordinal;
        private readonly IModel _number;

        public Models(string culture)
        {
            // NoProtoCache: by default every extractor keeps up to 20,000 past utterances in a MemoryCache, some
            // 35 MB per culture once customers have typed that many different things, and an uncached parse is no
            // slower for the short texts that reach this stage.
            var recognizer = new NumberRecognizer(culture, NumberOptions.NoProtoCache, lazyInitialization: true);
            _ordinal = recognizer.GetOrdinalModel(culture, fallbackToDefaultCulture: false);
            _number = recognizer.GetNumberModel(culture, fallbackToDefaultCulture: false);
        }

        // An ordinal wins over a number, so "the second one" is 2 and not the cardinal "one"; an ordinal relative to
        // the current item ("the next one") cannot be placed and names nothing we can use.
        public Resolution Resolve(string text, int count)
        {
            List<ModelResult> ordinals = _ordinal.Parse(text);
            if (ordinals.Count > 0)
            {
                return new Resolution(true, Single(ordinals.Select(r => OrdinalIndex(r, count)), count));
            }

            List<ModelResult> numbers = _number.Parse(text);
            if (numbers.Count > 0)
            {
                return new Resolution(true, Single(numbers.Select(NumberIndex), count));
            }

            return new Resolution(false, null);
        }

        private static int? OrdinalIndex(ModelResult result, int count)
        {
            if (!TryGetLong(result, "offset", out long offset)
                || !result.Resolution.TryGetValue("relativeTo", out object? relativeTo))
            {
                return null;
            }

            return relativeTo?.ToString() switch
            {
                "start" => Clamp(offset - 1),
                "end" => Clamp(count - 1 + offset),
                _ => null,
            };
        }

        private static int? NumberIndex(ModelResult result) =>
            TryGetLong(result, "value", out long value) ? Clamp(value - 1) : null;

        // One index, or null when the results disagree ("1 or 2") or any of them could not be placed.
        private static int? Single(IEnumerable<int?> indexes, int count)
        {
            int? single = null;
            foreach (int? index in indexes)
            {
                if (index is null || (single is not null && single != index))
                {
                    return null;
                }

                single = index;
            }

            return single is >= 0 && single < count ? single : null;
        }

        private static bool TryGetLong(ModelResult result, string key, out long value)
        {
            value = 0;
            return result.Resolution.TryGetValue(key, out object? raw)
                && long.TryParse(raw?.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        private static int? Clamp(long index) => index is >= int.MinValue and <= int.MaxValue ? (int)index : null;
    }
}
