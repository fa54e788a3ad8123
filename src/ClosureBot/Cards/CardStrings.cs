using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClosureBot.Cards;

// Puts one language's strings into a template before it is compiled: a JSON string that is exactly
// `${$root.t.group.key}` becomes that language's string (which may itself hold `${...}` expressions).
// Done on the parsed tree once per language at start-up, so binding a localized card costs what an
// English one does; a reference the table lacks stops the app naming the template and the key.
internal static partial class CardStrings
{
    public static JsonNode Inline(string template, JsonNode node, JsonObject strings, string language)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                    if (obj[key] is { } child && Replace(template, child, strings, language) is var replaced && !ReferenceEquals(replaced, child))
                        obj[key] = replaced;
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } item && Replace(template, item, strings, language) is var replaced && !ReferenceEquals(replaced, item))
                        array[i] = replaced;
                return array;
            default:
                return node;
        }
    }

    private static JsonNode Replace(string template, JsonNode node, JsonObject strings, string language)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text)) return Inline(template, node, strings, language);
        var match = Reference().Match(text);
        if (!match.Success) return node;
        var found = strings[match.Groups[1].Value]?[match.Groups[2].Value] as JsonValue;
        return found is not null && found.TryGetValue<string>(out var localized)
            ? JsonValue.Create(localized)
            : throw new CardTemplateException(template, $"the {language} card strings have no {match.Groups[1].Value}.{match.Groups[2].Value}");
    }

    [GeneratedRegex(@"^\$\{\$root\.t\.([A-Za-z0-9]+)\.([A-Za-z0-9]+)\}$")]
    private static partial Regex Reference();
}
