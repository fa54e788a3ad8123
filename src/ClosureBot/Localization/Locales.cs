using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClosureBot.Localization;

/// <summary>
/// The languages the bot and the app's pages speak, their tables (texts, cards, pages) loaded and checked once at
/// start-up (a missing text, a placeholder a translation lost, or a card or page string missing stops the app naming the
/// table), and the choice of a table for a locale.
/// </summary>
public sealed class Locales
{
    /// <summary>The language every unknown or missing locale falls back to.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>The languages, each with the culture its dates are written in. English first: the reference table.</summary>
    public static readonly IReadOnlyList<(string Language, string Culture)> Supported =
        [("en", "en-GB"), ("es", "es-ES"), ("fr", "fr-FR"), ("de", "de-DE"), ("pt", "pt-BR")];

    private readonly LocaleTable[] _tables;

    private Locales(LocaleTable[] tables)
    {
        _tables = tables;
        foreach (var table in tables) table.English = tables[0];
    }

    /// <summary>Every table, English first.</summary>
    public IReadOnlyList<LocaleTable> All => _tables;

    /// <summary>The English table.</summary>
    public LocaleTable English => _tables[0];

    /// <summary>
    /// The table for a BCP-47 locale (<c>es-MX</c> → Spanish, <c>pt_BR</c> → Portuguese); English for a missing or
    /// unknown one. Costs no allocation.
    /// </summary>
    public LocaleTable For(string? locale)
    {
        var span = locale.AsSpan().Trim();
        var cut = span.IndexOfAny('-', '_');
        if (cut >= 0) span = span[..cut];
        foreach (var table in _tables)
            if (span.Equals(table.Language, StringComparison.OrdinalIgnoreCase)) return table;
        return _tables[0];
    }

    /// <summary>Loads the tables shipped in the assembly (<c>Localization/Tables</c>).</summary>
    public static Locales Load() => Load(name =>
    {
        using var stream = typeof(Locales).Assembly.GetManifestResourceStream($"ClosureBot.Localization.Tables.{name}")
            ?? throw new InvalidOperationException($"Localization table {name} is not embedded in the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Loads the tables through <paramref name="read"/> (file name such as <c>de.texts.json</c> → its JSON).</summary>
    public static Locales Load(Func<string, string> read)
    {
        var english = Parse(read, "en", null);
        var tables = new List<LocaleTable>();
        foreach (var (language, culture) in Supported)
            tables.Add(language == DefaultLanguage ? Build(language, culture, english) : Build(language, culture, Parse(read, language, english)));
        return new Locales([.. tables]);
    }

    private sealed record RawTable(JsonObject Texts, JsonObject Cards, JsonObject Pages);

    private static RawTable Parse(Func<string, string> read, string language, RawTable? english)
    {
        var texts = ParseObject(read, $"{language}.texts.json");
        var cards = ParseObject(read, $"{language}.cards.json");
        var pages = ParseObject(read, $"{language}.pages.json");
        var file = $"{language}.texts.json";
        foreach (var id in Enum.GetValues<TextId>())
        {
            var node = texts[id.ToString()] ?? throw Invalid(file, $"has no text for {id}");
            var reference = english?.Texts[id.ToString()];
            if (node is JsonObject plural)
            {
                if (plural["one"] is not JsonValue || plural["other"] is not JsonValue) throw Invalid(file, $"{id} needs both \"one\" and \"other\"");
                if (reference is not null and not JsonObject) throw Invalid(file, $"{id} is plural here but not in English");
            }
            else if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String) throw Invalid(file, $"{id} must be a string");
            else if (reference is JsonObject) throw Invalid(file, $"{id} needs \"one\" and \"other\" forms, as in English");
            if (reference is not null && Placeholders(node) != Placeholders(reference))
                throw Invalid(file, $"{id} must use the placeholders {{0}}..{{{Placeholders(reference) - 1}}} exactly as English does");
        }
        foreach (var (key, _) in texts)
            if (!Enum.TryParse<TextId>(key, out _)) throw Invalid(file, $"has a text {key} no code uses (add it to TextId, or remove it)");
        if (english is not null)
        {
            CheckSameKeys($"{language}.cards.json", cards, english.Cards, "");
            CheckSameKeys($"{language}.pages.json", pages, english.Pages, "");
            CheckSamePlaceholders($"{language}.pages.json", pages, english.Pages, "");
        }
        return new RawTable(texts, cards, pages);
    }

    private static LocaleTable Build(string language, string culture, RawTable raw)
    {
        var ids = Enum.GetValues<TextId>();
        var texts = new string[ids.Length];
        var plurals = new string?[ids.Length];
        foreach (var id in ids)
        {
            var node = raw.Texts[id.ToString()]!;
            (texts[(int)id], plurals[(int)id]) = node is JsonObject forms
                ? ((string)forms["one"]!, (string?)forms["other"])
                : ((string)node!, null);
        }
        // CLDR cardinal rules: French and (Brazilian) Portuguese say "0 serveur", "0 servidor" like 1.
        Func<int, bool> isOne = language is "fr" or "pt" ? n => n is 0 or 1 : n => n == 1;
        try
        {
            return new LocaleTable(language, CultureOf(language, culture, texts), texts, plurals, raw.Cards, PageTexts($"{language}.pages.json", raw.Pages), isOne);
        }
        catch (FormatException ex)
        {
            throw Invalid($"{language}.texts.json", $"has a malformed placeholder: {ex.Message}");
        }
    }

    // The app runs in .NET's globalization-invariant mode (no ICU: about 9 MiB less resident memory; README, Load test),
    // where a named culture carries the invariant culture's data. The names dates print (MMMM, dddd) come from the
    // table, so a date reads the same with or without ICU; the formats themselves are the table's own (DateFormat…),
    // and no number the bot writes has a fraction or a group separator.
    private static CultureInfo CultureOf(string language, string name, string[] texts)
    {
        var file = $"{language}.texts.json";
        var months = Names(file, texts, TextId.MonthNames, 12);
        var days = Names(file, texts, TextId.DayNames, 7);
        var culture = new CultureInfo(name, useUserOverride: false);
        var dates = culture.DateTimeFormat;
        dates.MonthNames = dates.MonthGenitiveNames = [.. months, ""];
        dates.DayNames = days;
        return CultureInfo.ReadOnly(culture);
    }

    private static string[] Names(string file, string[] texts, TextId id, int count)
    {
        var names = texts[(int)id].Split('|', StringSplitOptions.TrimEntries);
        if (names.Length != count || names.Any(string.IsNullOrEmpty))
            throw Invalid(file, $"{id} must hold {count} names separated by \"|\"");
        return names;
    }

    private static void CheckSameKeys(string file, JsonObject table, JsonObject english, string path)
    {
        foreach (var (key, value) in english)
        {
            var here = table[key];
            if (value is JsonObject group)
            {
                if (here is not JsonObject mine) throw Invalid(file, $"has no group {path}{key}");
                CheckSameKeys(file, mine, group, $"{path}{key}.");
            }
            else if (here is not JsonValue v || v.GetValueKind() != JsonValueKind.String) throw Invalid(file, $"has no string {path}{key}");
        }
        foreach (var (key, _) in table)
            if (!english.ContainsKey(key)) throw Invalid(file, $"has {path}{key}, which English has not");
    }

    private static void CheckSamePlaceholders(string file, JsonObject table, JsonObject english, string path)
    {
        foreach (var (key, value) in english)
        {
            if (value is JsonObject group) CheckSamePlaceholders(file, (JsonObject)table[key]!, group, $"{path}{key}.");
            else if (Placeholders(table[key]!) != Placeholders(value!))
                throw Invalid(file, $"{path}{key} must use the placeholders {{0}}..{{{Placeholders(value!) - 1}}} exactly as English does");
        }
    }

    // "group.key" → text; a page template names its texts so ({{chat.heading}}), and a script reads a group of them.
    private static Dictionary<string, string> PageTexts(string file, JsonObject pages)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, node) in pages)
        {
            if (node is not JsonObject keys) throw Invalid(file, $"must hold groups of texts, and {group} is not one");
            foreach (var (key, value) in keys)
            {
                var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string)v! : throw Invalid(file, $"{group}.{key} must be a string");
                try
                {
                    System.Text.CompositeFormat.Parse(text);
                }
                catch (FormatException)
                {
                    throw Invalid(file, $"{group}.{key} has a malformed placeholder");
                }
                texts[$"{group}.{key}"] = text;
            }
        }
        return texts;
    }

    private static int Placeholders(JsonNode node)
    {
        var text = node is JsonObject forms ? (string)forms["other"]! : (string)node!;
        var count = 0;
        while (text.Contains($"{{{count}}}", StringComparison.Ordinal)) count++;
        return count;
    }

    private static JsonObject ParseObject(Func<string, string> read, string file)
    {
        try
        {
            return JsonNode.Parse(read(file)) as JsonObject ?? throw Invalid(file, "must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw Invalid(file, $"is not valid JSON: {ex.Message}");
        }
    }

    private static InvalidOperationException Invalid(string file, string problem) => new($"Localization table {file} {problem}.");
}
