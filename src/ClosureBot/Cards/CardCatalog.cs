using System.Text.Json.Nodes;

namespace ClosureBot.Cards;

// Every card template of a folder (`*.json` except the `*.data.json` samples), loaded at start-up
// so a broken template stops the app with the file's name instead of failing a customer's turn.
public sealed class CardCatalog
{
    private const string SampleSuffix = ".data.json";

    private readonly Dictionary<string, CardTemplate> _templates;

    public CardCatalog(IEnumerable<KeyValuePair<string, CardTemplate>> templates)
    {
        _templates = new Dictionary<string, CardTemplate>(templates, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Names => _templates.Keys;

    public static CardCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Card template folder '{Path.GetFullPath(directory)}' does not exist.");
        }

        var templates = new List<KeyValuePair<string, CardTemplate>>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            if (fileName.EndsWith(SampleSuffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            templates.Add(new(Path.GetFileNameWithoutExtension(path), CardTemplate.Parse(fileName, File.ReadAllText(path))));
        }

        return new CardCatalog(templates);
    }

    public CardTemplate Get(string name)
    {
        var key = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^".json".Length] : name;
        return _templates.TryGetValue(key, out var template)
            ? template
            : throw new KeyNotFoundException(
                $"No card template named '{name}'. Known: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}.");
    }

    public JsonObject Bind(string name, JsonNode? data) => Get(name).Bind(data);

    public byte[] BindToUtf8(string name, JsonNode? data) => Get(name).BindToUtf8(data);
}
