using System.Text.Json.Nodes;
using ClosureBot.Protocol.Serialization;

namespace ClosureBot.Cards;

// Every card template of a folder (`*.json` except the `*.data.json` samples), loaded at start-up
// so a broken template stops the app with the file's name instead of failing a customer's turn.
// With card strings per language, each template is also compiled once per language (see CardStrings).
public sealed class CardCatalog
{
    private const string SampleSuffix = ".data.json";

    private readonly Dictionary<string, CardTemplate> _templates;
    private readonly Dictionary<(string Template, string Language), CardTemplate> _localized;

    public CardCatalog(IEnumerable<KeyValuePair<string, CardTemplate>> templates,
        IEnumerable<KeyValuePair<(string, string), CardTemplate>>? localized = null)
    {
        _templates = new Dictionary<string, CardTemplate>(templates, StringComparer.OrdinalIgnoreCase);
        _localized = new Dictionary<(string, string), CardTemplate>(localized ?? []);
    }

    public IReadOnlyCollection<string> Names => _templates.Keys;

    public static CardCatalog Load(string directory) => Load(directory, new Dictionary<string, JsonObject>());

    /// <summary>Loads the templates, and compiles each for every language of <paramref name="stringsByLanguage"/>.</summary>
    public static CardCatalog Load(string directory, IReadOnlyDictionary<string, JsonObject> stringsByLanguage)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Card template folder '{Path.GetFullPath(directory)}' does not exist.");
        }

        var templates = new List<KeyValuePair<string, CardTemplate>>();
        var localized = new List<KeyValuePair<(string, string), CardTemplate>>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            if (fileName.EndsWith(SampleSuffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(path);
            var json = File.ReadAllText(path);
            templates.Add(new(name, CardTemplate.Parse(fileName, json)));
            foreach (var (language, strings) in stringsByLanguage)
            {
                var node = CardStrings.Inline(fileName, JsonNode.Parse(json)!, strings, language);
                localized.Add(new((name, language), CardTemplate.Compile($"{fileName} ({language})", node)));
            }
        }

        return new CardCatalog(templates, localized);
    }

    public CardTemplate Get(string name)
    {
        var key = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^".json".Length] : name;
        return _templates.TryGetValue(key, out var template)
            ? template
            : throw new KeyNotFoundException(
                $"No card template named '{name}'. Known: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>The template <paramref name="name"/> with the strings of <paramref name="language"/> in it.</summary>
    public CardTemplate Get(string name, string language) =>
        _localized.TryGetValue((name, language), out var template)
            ? template
            : throw new KeyNotFoundException($"No card template named '{name}' in language '{language}'.");

    public JsonObject Bind(string name, string language, JsonNode? data) => Get(name, language).Bind(data);

    public byte[] BindToUtf8(string name, string language, JsonNode? data) => Get(name, language).BindToUtf8(data);

    /// <summary>Binds a data object (an anonymous object of strings, numbers, lists…) without making a JSON tree of it first.</summary>
    public JsonObject BindData(string name, string language, object data) =>
        Get(name, language).BindValue(CardData.From(data, ProtocolJson.Options));

    /// <summary>What <see cref="BindData"/> builds, written straight to UTF-8 JSON.</summary>
    public byte[] BindDataToUtf8(string name, string language, object data) =>
        Get(name, language).BindValueToUtf8(CardData.From(data, ProtocolJson.Options));
}
